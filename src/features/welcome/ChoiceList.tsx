import type { CheckQuestionId, Goal } from '../../domain/firstPath';
import { WelcomePicture } from './pictures';

export interface Choice<Id extends string> {
  id: Id;
  label: string;
  picture?: Goal | CheckQuestionId;
}

export interface ChoiceListProps<Id extends string> {
  /** The id of the element that says what is asked. */
  labelledBy: string;
  choices: readonly Choice<Id>[];
  onChoose: (id: Id) => void;
}

/** Big buttons, one per answer: one tap answers and moves on. */
export function ChoiceList<Id extends string>({
  labelledBy,
  choices,
  onChoose,
}: ChoiceListProps<Id>) {
  return (
    <div className="welcome-choices" role="group" aria-labelledby={labelledBy}>
      {choices.map((choice) => (
        <button
          key={choice.id}
          type="button"
          className="welcome-choice"
          onClick={() => onChoose(choice.id)}
        >
          {choice.picture && <WelcomePicture name={choice.picture} size={44} />}
          <span>{choice.label}</span>
        </button>
      ))}
    </div>
  );
}
