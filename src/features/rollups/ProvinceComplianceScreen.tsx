import { useState } from 'react';
import { useParams } from 'react-router';
import { provinceCompliance, provinceComplianceFile } from '../../api/complianceRollups';
import { exportMoment, localText } from '../../domain/exportCells';
import { useTranslation } from '../../i18n';
import type { ComplianceCounts, ProvinceCompliance, RollupQuery } from '../../protocol';
import { ButtonLink } from '../../ui/ButtonLink';
import { Notice } from '../../ui/Notice';
import { FigureExports } from '../orgs/FigureExports';
import { useServerRead } from '../orgs/useServerRead';
import { NATIONAL_COMPLIANCE_PATH } from '../orgs/rollupPaths';
import { RollupCounts } from './RollupCounts';
import { ProgrammeChoice, sumCounts } from './programmes';
import './rollups.css';

/**
 * A province's compliance roll-up, for its admins and system admins: the province's totals,
 * then each agency's counts per programme, and each unit's on request. Figures only.
 */
export function ProvinceComplianceScreen() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const [programme, setProgramme] = useState('');
  const filters: RollupQuery = programme ? { programme } : {};
  const { state } = useServerRead(
    (token) => provinceCompliance(token, code, filters),
    [code, programme],
  );
  return (
    <main className="screen rollup">
      <ButtonLink to="/account" variant="quiet" className="crumb">
        {t('account.title')}
      </ButtonLink>
      {state.phase !== 'ready' && <h1>{t('orgs.agency.reportTitle')}</h1>}
      {state.phase === 'loading' && <p aria-busy="true" />}
      {state.phase === 'offline' && <Notice tone="info">{t('team.leader.needsOnline')}</Notice>}
      {state.phase === 'refused' && (
        <Notice tone="warning">
          {state.status === 404 ? t('orgs.rollup.notFound') : t('orgs.rollup.notAllowed')}
        </Notice>
      )}
      {state.phase === 'ready' && (
        <ProvinceReport
          report={state.data}
          programme={programme}
          onProgramme={setProgramme}
          filters={filters}
        />
      )}
    </main>
  );
}

function ProvinceReport({
  report,
  programme,
  onProgramme,
  filters,
}: {
  report: ProvinceCompliance;
  programme: string;
  onProgramme: (title: string) => void;
  filters: RollupQuery;
}) {
  const { t } = useTranslation();
  const totals: ComplianceCounts = sumCounts(
    report.agencies.flatMap((agency) => agency.programmes),
  );
  return (
    <>
      <h1>{t('orgs.rollup.provinceTitle', { province: report.province.name })}</h1>
      <p className="muted">{t('orgs.rollup.intro')}</p>
      <p className="muted">
        {t('orgs.rollup.asOf', { time: localText(exportMoment(report.asOf)) })}
      </p>
      <ProgrammeChoice titles={report.programmes} value={programme} onChange={onProgramme} />
      <section className="settings-group rollup-card" aria-labelledby="province-totals">
        <h2 id="province-totals">{t('orgs.rollup.totalsLabel')}</h2>
        <RollupCounts counts={totals} label={t('orgs.rollup.totalsLabel')} />
      </section>
      <FigureExports
        fetchFile={(token, format) =>
          provinceComplianceFile(token, report.province.code, filters, format)
        }
        fileName={(format) => `tien-do-tinh-${report.province.code}.${format}`}
      />
      {report.agencies.length === 0 && <p>{t('orgs.rollup.noAgencies')}</p>}
      <ul className="card-list">
        {report.agencies.map((agency) => (
          <li key={agency.id} className="card rollup-card" data-agency={agency.id}>
            <h2>{agency.name}</h2>
            <span className="card-meta">{agency.communeName}</span>
            {agency.programmes.length === 0 && (
              <span className="card-meta">{t('orgs.rollup.noProgramme')}</span>
            )}
            {agency.programmes.map((p) => (
              <section key={p.programme} className="rollup-card">
                <h3>{p.programme}</h3>
                <RollupCounts
                  counts={p}
                  label={`${agency.name} — ${p.programme} — ${t('orgs.rollup.wholeAgency')}`}
                />
                <details>
                  <summary>{t('orgs.rollup.units')}</summary>
                  <ul className="rollup-units">
                    {p.units.map((unit) => (
                      <li key={unit.unit}>
                        <strong>{unit.unit || t('orgs.rollup.noUnit')}</strong>
                        <RollupCounts
                          counts={unit}
                          label={`${agency.name} — ${unit.unit || t('orgs.rollup.noUnit')}`}
                        />
                      </li>
                    ))}
                  </ul>
                </details>
              </section>
            ))}
          </li>
        ))}
      </ul>
      <ButtonLink to={NATIONAL_COMPLIANCE_PATH} variant="quiet" className="rollup-national-link">
        {t('orgs.rollup.back')}
      </ButtonLink>
    </>
  );
}
