import { useState } from 'react';
import { createProfile } from '../../data/profiles';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { useLanguage, useTranslation } from '../../i18n';
import { TextField } from '../../ui/TextField';
import { AvatarChoice } from './AvatarChoice';
import { AVATARS } from './avatars';

/**
 * A new profile's name and picture, as the welcome screen and "add a learner" ask them:
 * `fields` draws both, `create` makes the profile in the app's language and answers its id.
 */
export function useNewProfile({ fieldId, hint }: { fieldId: string; hint: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [name, setName] = useState('');
  const [avatar, setAvatar] = useState<string>(AVATARS[1]);
  return {
    name,
    create: () => createProfile({ name, avatar, settings: { ...DEFAULT_SETTINGS, language } }),
    fields: (
      <>
        <TextField
          id={fieldId}
          label={t('profiles.create.name')}
          hint={hint}
          value={name}
          maxLength={40}
          autoComplete="off"
          onChange={setName}
        />
        <AvatarChoice value={avatar} onChange={setAvatar} />
      </>
    ),
  };
}
