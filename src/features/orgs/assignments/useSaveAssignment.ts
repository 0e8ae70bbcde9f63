import { useState } from 'react';
import {
  assign,
  DueBeforeStartError,
  PastDueDateError,
  type Maker,
} from '../../../data/assignments';
import { StorageFullError } from '../../../data/errors';
import { useTranslation } from '../../../i18n';
import { syncSoon } from '../../../sync/control';

type AssignInput = Parameters<typeof assign>[1];

/**
 * Keeps an assignment on the phone and asks the sync engine to send it soon (so it works
 * offline). A date the person can mend becomes `problem`; a full phone, `outcome`.
 */
export function useSaveAssignment(maker: Maker) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string>();
  const [outcome, setOutcome] = useState<'saved' | 'storageFull'>();

  /** True once the assignment is kept. */
  const save = async (input: AssignInput): Promise<boolean> => {
    setOutcome(undefined);
    try {
      await assign(maker, input);
    } catch (error) {
      if (error instanceof PastDueDateError) setProblem(t('orgs.assign.duePast'));
      else if (error instanceof DueBeforeStartError) setProblem(t('orgs.programme.dueBeforeStart'));
      else if (error instanceof StorageFullError) setOutcome('storageFull');
      else throw error;
      return false;
    }
    setProblem(undefined);
    setOutcome('saved');
    syncSoon();
    return true;
  };

  return { save, problem, setProblem, outcome };
}
