import { useState } from 'react';
import { nationalCompliance } from '../../api/complianceRollups';
import { exportMoment, localText } from '../../domain/exportCells';
import { useTranslation } from '../../i18n';
import type { RollupQuery } from '../../protocol';
import { ButtonLink } from '../../ui/ButtonLink';
import { LinkList } from '../../ui/LinkList';
import { Notice } from '../../ui/Notice';
import { useServerRead } from '../orgs/useServerRead';
import { provinceCompliancePath } from '../orgs/rollupPaths';
import { ProgrammeChoice, sumCounts } from './programmes';
import { RollupCounts } from './RollupCounts';
import './rollups.css';

/**
 * The nation by province, for system admins: the country's totals, then each province with
 * agencies (its counts, and a way into its agencies), then the provinces with none yet.
 */
export function NationalComplianceScreen() {
  const { t } = useTranslation();
  const [programme, setProgramme] = useState('');
  const filters: RollupQuery = programme ? { programme } : {};
  const { state } = useServerRead((token) => nationalCompliance(token, filters), [programme]);
  const withAgencies =
    state.phase === 'ready' ? state.data.provinces.filter((p) => p.agencies > 0) : [];
  const without =
    state.phase === 'ready' ? state.data.provinces.filter((p) => p.agencies === 0) : [];
  return (
    <main className="screen rollup">
      <ButtonLink to="/account" variant="quiet" className="crumb">
        {t('account.title')}
      </ButtonLink>
      <h1>{t('orgs.rollup.nationalTitle')}</h1>
      {state.phase === 'loading' && <p aria-busy="true" />}
      {state.phase === 'offline' && <Notice tone="info">{t('team.leader.needsOnline')}</Notice>}
      {state.phase === 'refused' && <Notice tone="warning">{t('orgs.rollup.notAllowed')}</Notice>}
      {state.phase === 'ready' && (
        <>
          <p className="muted">{t('orgs.rollup.intro')}</p>
          <p className="muted">
            {t('orgs.rollup.asOf', { time: localText(exportMoment(state.data.asOf)) })}
          </p>
          <ProgrammeChoice
            titles={state.data.programmes}
            value={programme}
            onChange={setProgramme}
          />
          <ul className="card-list">
            {withAgencies.map((province) => (
              <li key={province.code} className="card rollup-card" data-province={province.code}>
                <h2>{province.name}</h2>
                <span className="card-meta">
                  {t('orgs.rollup.agencies', { count: province.agencies })}
                </span>
                {province.programmes.length === 0 && (
                  <span className="card-meta">{t('orgs.rollup.noProgramme')}</span>
                )}
                {province.programmes.length > 0 && (
                  <RollupCounts counts={sumCounts(province.programmes)} label={province.name} />
                )}
                <ButtonLink to={provinceCompliancePath(province.code)} variant="secondary">
                  {t('orgs.rollup.openProvince', { province: province.name })}
                </ButtonLink>
              </li>
            ))}
          </ul>
          {without.length > 0 && (
            <section className="settings-group" aria-labelledby="no-agencies">
              <h2 id="no-agencies">{t('orgs.rollup.provincesWithout')}</h2>
              <LinkList
                items={without.map((province) => ({ key: province.code, title: province.name }))}
              />
            </section>
          )}
        </>
      )}
    </main>
  );
}
