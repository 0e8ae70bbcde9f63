import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { createAccountApi } from '../../sync/accountApi';
import { Notice } from '../../ui/Notice';
import { PendingTeams } from '../orgs/PendingTeams';
import { useServerRead } from '../orgs/useServerRead';
import { AuditLog } from './AuditLog';
import { CreateAgencyForm } from './CreateAgencyForm';
import { NameOfficialForm } from './NameOfficialForm';
import { NameProvinceAdminForm } from './NameProvinceAdminForm';
import { RevokeCertificateForm } from './RevokeCertificateForm';
import { RotateKey } from './RotateKey';
import './AdminScreen.css';

/**
 * What a system administrator does from the app: teams waiting for approval, agencies,
 * officials, revocations, the issuer key, the log.
 */
export function AdminScreen() {
  const { t } = useTranslation();
  const { state } = useServerRead(
    (token) => createAccountApi(window.location.origin).me(token),
    [],
  );
  const isAdmin = state.phase === 'ready' && state.data.account.isSystemAdmin;
  // Every action is audited: the log below reads again after each one.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  return (
    <main className="screen admin-screen">
      <h1>{t('admin.title')}</h1>
      {state.phase === 'loading' && <p aria-busy="true" />}
      {state.phase === 'offline' && <Notice tone="warning">{t('admin.needsOnline')}</Notice>}
      {(state.phase === 'refused' || (state.phase === 'ready' && !isAdmin)) && (
        <Notice tone="warning">{t('admin.notAdmin')}</Notice>
      )}
      {isAdmin && (
        <>
          <PendingTeams onApproved={changed} />
          <CreateAgencyForm onDone={changed} />
          <NameOfficialForm onDone={changed} />
          <NameProvinceAdminForm onDone={changed} />
          <RevokeCertificateForm onDone={changed} />
          <RotateKey onDone={changed} />
          <AuditLog changes={changes} />
        </>
      )}
    </main>
  );
}
