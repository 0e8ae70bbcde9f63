import { useState } from 'react';
import {
  addCarriedFile,
  makeCarryFile,
  useCarryMade,
  useCarryOverview,
  useCarrying,
  type AddedCarried,
  type MadeCarryFile,
} from '../../data/carry';
import { useLanguage, useTranslation } from '../../i18n';
import { shareOrSave } from '../../lib/shareFile';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import type { CarryMadeRow } from '../../data/rows';
import { FileButton } from '../../ui/FileButton';
import './CarrySection.css';

const madeStateLabel = {
  waiting: 'sync.carry.madeWaiting',
  arrived: 'sync.carry.madeArrived',
} as const satisfies Record<CarryMadeRow['state'], string>;

/**
 * Settings' carry to sync: "Gửi nhờ dữ liệu" seals this phone's waiting records into a file for
 * someone else to carry; "Chuyển dữ liệu nhờ gửi" keeps another phone's file to forward.
 */
export function CarrySection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const overview = useCarryOverview();
  const made = useCarryMade();
  const carrying = useCarrying();
  const [making, setMaking] = useState<MadeCarryFile | null>(null);
  const [added, setAdded] = useState<AddedCarried | null>(null);
  if (!overview || !made || !carrying) return null;

  const make = async () => {
    const outcome = await makeCarryFile();
    setMaking(outcome);
    if (outcome.ok) {
      await shareOrSave(outcome.text, `hocso-gui-nho-${outcome.counter}.json`, 'application/json');
    }
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const outcome = await addCarriedFile(await file.text());
    setAdded(outcome);
  };

  const time = (iso: string) =>
    new Date(iso).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    });

  return (
    <>
      <section aria-labelledby="carry-heading" className="carry">
        <h2 id="carry-heading">{t('sync.carry.title')}</h2>
        <p className="muted">{t('sync.carry.hint')}</p>
        <p>{t('sync.carry.waiting', { count: overview.waiting })}</p>
        <Button
          className="button-wide"
          disabled={overview.waiting === 0 || !overview.canMake}
          onClick={() => void make()}
        >
          {t('sync.carry.make')}
        </Button>
        {!overview.canMake && <Notice tone="info">{t('sync.carry.noKey')}</Notice>}
        {making?.ok && (
          <Notice tone="success">{t('sync.carry.made', { count: making.count })}</Notice>
        )}
        {making && !making.ok && making.problem === 'nothing_waiting' && (
          <Notice tone="info">{t('sync.carry.nothingWaiting')}</Notice>
        )}
        {made.length > 0 && (
          <ul className="carry-list">
            {made.map((bundle) => (
              <li key={bundle.bundleId} className={`carry-item carry-${bundle.state}`}>
                <span>
                  {t('sync.carry.fileLabel', { counter: bundle.counter, count: bundle.count })}
                </span>
                <strong>{t(madeStateLabel[bundle.state])}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="carry-forward-heading" className="carry">
        <h2 id="carry-forward-heading">{t('sync.carry.forwardTitle')}</h2>
        <p className="muted">{t('sync.carry.forwardHint')}</p>
        <FileButton
          label={t('sync.carry.pick')}
          accept=".json,application/json"
          onFile={(file) => void pick(file)}
        />
        {added === 'added' && <Notice tone="success">{t('sync.carry.added')}</Notice>}
        {added === 'already_here' && <Notice tone="info">{t('sync.carry.alreadyHere')}</Notice>}
        {added === 'malformed' && <Notice tone="error">{t('sync.carry.malformed')}</Notice>}
        {!overview.signedIn && carrying.some((row) => row.state === 'waiting') && (
          <Notice tone="warning">{t('sync.carry.signIn')}</Notice>
        )}
        {carrying.length > 0 && (
          <ul className="carry-list">
            {carrying.map((row) => (
              <li key={row.id} className={`carry-item carry-${row.state}`}>
                <span>{t('sync.carry.carriedLabel', { time: time(row.addedAt) })}</span>
                <strong>{t(`sync.carry.states.${row.state}`)}</strong>
                {row.state === 'refused' && row.reason && (
                  <span>{t(`sync.carry.reasons.${row.reason as 'altered'}`)}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
