import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { StorageFullError } from '../../../data/errors';
import { getDeviceId } from '../../../data/meta';
import { lastPlace } from '../../../data/teamVault';
import type { VisitDraftValues } from '../../../data/visitParts';
import {
  checkVisit,
  deleteDraft,
  finalizeVisit,
  readDraft,
  saveDraft,
  VisitInvalidError,
} from '../../../data/visits';
import { useTranslation } from '../../../i18n';
import { newRandomId } from '../../../lib/ids';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { LoadingScreen } from '../../../ui/ScreenMessage';
import { todayIso } from '../format';
import { useTeam } from './TeamContext';
import { VisitFields } from './VisitFields';
import { TeamCrumb } from './TeamCrumb';
import { syncSoon } from '../../../sync/control';

/** The consent text shown on the form; its version travels with every record. */
export const CONSENT_VERSION = '2026-11';

const FIELD_KEYS = [
  'communeCode',
  'village',
  'services',
  'outcome',
  'outcomeReason',
  'minutes',
  'consent',
  'date',
  'person',
] as const;

interface Loaded {
  values: VisitDraftValues;
  draftId?: string;
  visitId: string;
  amends: number | null;
}

/** Scrolls to the first field (in the form's order) named in `fields`, and focuses it. */
function focusFirst(form: HTMLFormElement | null, fields: string[]): void {
  const first = [...(form?.querySelectorAll<HTMLElement>('[data-field]') ?? [])].find((el) =>
    fields.includes(el.dataset.field ?? ''),
  );
  const target = first?.matches('input, textarea, select')
    ? first
    : first?.querySelector<HTMLElement>('input, textarea, select, button');
  if (!target) return;
  target.scrollIntoView?.({ block: 'center' });
  target.focus({ preventScroll: true });
}

/** A new visit, or a draft (possibly an amendment) opened again. */
export function VisitFormScreen() {
  const { teamId = '', draftId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { accountId, key } = useTeam(teamId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [missingFields, setMissingFields] = useState<{ fields: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // Each time finishing finds something missing, the first missing field (in the order of the
  // form) is scrolled to and takes the focus, so the volunteer lands where to tap next.
  useEffect(() => {
    if (missingFields) focusFirst(form.current, missingFields.fields);
  }, [missingFields]);

  useEffect(() => {
    let live = true;
    const load = async (): Promise<Loaded> => {
      if (draftId) {
        const draft = await readDraft(key, draftId);
        if (draft) {
          const { visitId, amends } = draft.row;
          return { values: draft.values, draftId, visitId, amends };
        }
      }
      const place = await lastPlace(key, accountId);
      return {
        visitId: newRandomId(),
        amends: null,
        values: { date: todayIso(), ...place, person: {}, services: [], consent: false },
      };
    };
    void load().then((result) => live && setLoaded(result));
    return () => {
      live = false;
    };
  }, [key, accountId, draftId]);

  if (!loaded) return <LoadingScreen />;
  const owner = { accountId, teamId };
  const back = () => navigate(`/team/${teamId}`);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      back();
    } catch (failure) {
      setBusy(false);
      if (failure instanceof StorageFullError) setProblem(t('team.form.storageFull'));
      else if (failure instanceof VisitInvalidError) showMissing(failure.fields);
      else throw failure;
    }
  };
  const showMissing = (fields: string[]) => {
    setProblem(missing(fields));
    setMissingFields({ fields });
  };
  const missing = (fields: string[]) =>
    t('team.form.missing', {
      fields: fields
        .map((f) =>
          t(`team.form.fields.${FIELD_KEYS.includes(f as 'date') ? (f as 'date') : 'other'}`),
        )
        .join(', '),
    });

  const save = () =>
    act(() =>
      saveDraft(key, owner, loaded.values, {
        draftId: loaded.draftId ?? newRandomId(),
        visitId: loaded.visitId,
        amends: loaded.amends,
      }),
    );
  const finish = async () => {
    const context = { deviceId: await getDeviceId(), consentVersion: CONSENT_VERSION };
    const target = {
      ...owner,
      visitId: loaded.visitId,
      amends: loaded.amends,
      draftId: loaded.draftId,
    };
    const checked = checkVisit(target, loaded.values, context);
    if (!checked.ok) return showMissing(checked.fields);
    setMissingFields(null);
    await act(async () => {
      await finalizeVisit(key, target, loaded.values, context);
      syncSoon();
    });
  };

  return (
    <main className="screen team visit-form">
      <TeamCrumb teamId={teamId} />
      <h1>
        {loaded.amends === null
          ? t('team.form.newTitle')
          : t('team.form.amendTitle', { version: loaded.amends + 1 })}
      </h1>
      <form
        ref={form}
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void finish();
        }}
      >
        <VisitFields
          missing={missingFields?.fields}
          values={loaded.values}
          onChange={(values) => setLoaded({ ...loaded, values })}
        />
        {problem && <Notice tone="error">{problem}</Notice>}
        <div className="button-row form-actions">
          <Button variant="secondary" disabled={busy} onClick={() => void save()}>
            {t('team.form.saveDraft')}
          </Button>
          <Button type="submit" disabled={busy}>
            {t('team.form.finish')}
          </Button>
        </div>
        {loaded.draftId && (
          <Button
            variant="quiet"
            className="button-danger"
            disabled={busy}
            onClick={() => void act(() => deleteDraft(loaded.draftId!))}
          >
            {t('team.form.deleteDraft')}
          </Button>
        )}
      </form>
    </main>
  );
}
