import { useProfile } from '../../data/hooks';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { OpenPassport } from './OpenPassport';
import { SavePassport, type IssuePassport } from './SavePassport';
import './passport.css';

/**
 * Settings' progress passport: "Lưu hồ sơ học tập" takes this person's record along as a signed
 * file; "Mở hồ sơ học tập" checks one offline and adds it to this phone.
 */
export function PassportSection({ issue }: { issue: IssuePassport }) {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const profile = useProfile(profileId);
  if (!profile) return null;
  return (
    <>
      <section aria-labelledby="passport-heading" className="passport">
        <h2 id="passport-heading">{t('certificates.passport.title')}</h2>
        <p className="muted">{t('certificates.passport.hint')}</p>
        <SavePassport key={profile.id} profile={profile} issue={issue} />
      </section>
      <section aria-labelledby="passport-open-heading" className="passport">
        <h2 id="passport-open-heading">{t('certificates.passport.openTitle')}</h2>
        <p className="muted">{t('certificates.passport.openHint')}</p>
        <OpenPassport profile={profile} />
      </section>
    </>
  );
}
