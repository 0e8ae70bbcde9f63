import { useChecklist } from '../../data/hooks';
import { setChecklistItem } from '../../data/checklists';
import { useLanguage, useTranslation } from '../../i18n';
import type { Walkthrough } from '../../protocol/walkthrough';
import { useSession } from '../../state/session';

/** The papers to prepare, ticked one by one; kept on the phone for this profile. */
export function Checklist({ walkthrough }: { walkthrough: Walkthrough }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const profileId = useSession((s) => s.profileId);
  const saved = useChecklist(profileId, walkthrough.id);
  const ticked = new Set(saved?.ticked ?? []);
  const done = walkthrough.checklist.filter((item) => ticked.has(item.id)).length;
  return (
    // Boxes change at once on tap; the saved list remounts them when it changes.
    <fieldset className="settings-group checklist" key={saved?.ticked.join() ?? ''}>
      <legend>{t('walkthroughs.prepare')}</legend>
      <p className="muted">
        {t('walkthroughs.prepared', { done, total: walkthrough.checklist.length })}
      </p>
      {walkthrough.checklist.map((item) => (
        <label key={item.id} className="switch-row">
          <input
            type="checkbox"
            defaultChecked={ticked.has(item.id)}
            disabled={saved === undefined}
            onChange={(event) =>
              void setChecklistItem(profileId, walkthrough.id, item.id, event.target.checked)
            }
          />
          <span>{item.text[language]}</span>
        </label>
      ))}
    </fieldset>
  );
}
