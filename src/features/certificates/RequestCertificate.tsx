import { useState } from 'react';
import { useNavigate } from 'react-router';
import { HolderNameError, requestCertificate } from '../../data/certificates';
import { StorageFullError } from '../../data/errors';
import { requestProgrammeCertificate } from '../../data/programmeCertificates';
import type { ProgrammeOfCertificate } from '../../data/rows';
import { programmeCertificateKey } from '../../data/programmeCertificates';
import type { CourseOutline } from '../../protocol/content';
import { useLanguage, useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { certificatePath } from './paths';
import './certificates.css';
import { syncSoon } from '../../sync/control';

export type RequestCertificateProps =
  | { course: CourseOutline; programme?: undefined }
  | { programme: ProgrammeOfCertificate; course?: undefined };

/**
 * A passed course (or a finished programme) with no certificate yet: the name to print, then one
 * tap to ask for it. The field starts empty: a profile's name is often a nickname, never the name for a certificate.
 */
export function RequestCertificate({ course, programme }: RequestCertificateProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const profileId = useSession((s) => s.profileId);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A programme's certificate is kept under its own key in place of a course id.
  const key = programme
    ? programmeCertificateKey(programme.assignmentId, programme.round)
    : course.id;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      if (programme) await requestProgrammeCertificate(profileId, programme, name);
      else await requestCertificate(profileId, course.id, name);
      syncSoon();
      void navigate(certificatePath(key));
    } catch (failure) {
      setBusy(false);
      if (failure instanceof HolderNameError) {
        setError(
          failure.reason === 'empty'
            ? t('certificates.request.nameEmpty')
            : t('certificates.request.nameTooLong'),
        );
      } else {
        console.error('Could not request a certificate', failure);
        setError(
          failure instanceof StorageFullError
            ? t('app.errors.storageFull')
            : t('app.errors.unexpected'),
        );
      }
    }
  };

  return (
    <form className="card certificate-request" onSubmit={(event) => void submit(event)}>
      <span className="card-title">{programme ? programme.title : course.title[language]}</span>
      <p>{t(programme ? 'certificates.programme.intro' : 'certificates.request.intro')}</p>
      <TextField
        id={`holder-${key}`}
        label={t('certificates.request.nameLabel')}
        hint={t('certificates.request.nameHint')}
        value={name}
        onChange={setName}
        autoComplete="name"
        maxLength={120}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" className="button-wide" disabled={busy}>
        {t('certificates.request.submit')}
      </Button>
    </form>
  );
}
