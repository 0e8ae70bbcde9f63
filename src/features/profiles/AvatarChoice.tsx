import { useTranslation } from '../../i18n';
import { Avatar, AVATARS } from './avatars';
import './AvatarChoice.css';

export interface AvatarChoiceProps {
  value: string;
  onChange: (avatar: string) => void;
}

/** The pictures as big radio buttons, each with its name for screen readers. */
export function AvatarChoice({ value, onChange }: AvatarChoiceProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="avatar-choice">
      <legend>{t('profiles.create.picture')}</legend>
      {AVATARS.map((avatar) => (
        <label key={avatar} className="avatar-option">
          <input
            type="radio"
            name="avatar"
            value={avatar}
            checked={value === avatar}
            onChange={() => onChange(avatar)}
          />
          <Avatar avatar={avatar} label={t(`profiles.avatars.${avatar}`)} size={56} />
        </label>
      ))}
    </fieldset>
  );
}
