import { useState } from 'react';
import type { RecordedAnswer } from '../../domain/progress';
import { useLanguage, useTranslation } from '../../i18n';
import type { Question } from '../../protocol/content';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

export interface QuestionCardProps {
  question: Question;
  number: number;
  total: number;
  /** Set once answered: the card then shows the feedback and the explanation. */
  answer: RecordedAnswer | undefined;
  onCheck: (chosen: string[]) => void;
  onNext: () => void;
  nextLabel: string;
  busy: boolean;
}

export function QuestionCard(props: QuestionCardProps) {
  const { question, number, total, answer, onCheck, onNext, nextLabel, busy } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const [chosen, setChosen] = useState<string[]>([]);
  const many = question.kind === 'multiple';
  const picked = answer?.chosen ?? chosen;

  const toggle = (id: string) =>
    setChosen((now) =>
      many ? (now.includes(id) ? now.filter((c) => c !== id) : [...now, id]) : [id],
    );

  const rightText = question.options
    .filter((o) => question.answer.includes(o.id))
    .map((o) => o.text[language])
    .join(', ');

  return (
    <form
      className="question"
      onSubmit={(event) => {
        event.preventDefault();
        if (!answer && chosen.length > 0) onCheck(chosen);
      }}
    >
      <p className="muted">{t('learn.quiz.questionOf', { current: number, total })}</p>
      <fieldset disabled={Boolean(answer) || busy}>
        <legend className="question-prompt">{question.prompt[language]}</legend>
        <p className="muted hint">
          {many ? t('learn.quiz.chooseMany') : t('learn.quiz.chooseOne')}
        </p>
        <div className="options">
          {question.options.map((option) => {
            const isRight = question.answer.includes(option.id);
            const state = answer
              ? isRight
                ? 'right'
                : picked.includes(option.id)
                  ? 'wrong'
                  : ''
              : '';
            return (
              <label key={option.id} className="option" data-state={state}>
                <input
                  type={many ? 'checkbox' : 'radio'}
                  name={question.id}
                  value={option.id}
                  checked={picked.includes(option.id)}
                  onChange={() => toggle(option.id)}
                />
                <span>{option.text[language]}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {answer ? (
        <div className="feedback">
          <Notice tone={answer.correct ? 'success' : 'warning'}>
            <strong>{answer.correct ? t('learn.quiz.correct') : t('learn.quiz.incorrect')}</strong>{' '}
            {!answer.correct && t('learn.quiz.rightAnswer', { answer: rightText })}
          </Notice>
          <p className="explanation">{question.explanation[language]}</p>
          <Button className="button-wide" onClick={onNext} autoFocus>
            {nextLabel}
          </Button>
        </div>
      ) : (
        <Button type="submit" className="button-wide" disabled={chosen.length === 0 || busy}>
          {t('learn.quiz.check')}
        </Button>
      )}
    </form>
  );
}
