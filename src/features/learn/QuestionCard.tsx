import { useState } from 'react';
import type { RecordedAnswer } from '../../domain/progress';
import { seededShuffle } from '../../domain/shuffle';
import { useLanguage, useTranslation } from '../../i18n';
import type { Question } from '../../protocol/content';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { ReadAloudButton } from '../readAloud/ReadAloudButton';
import { OrderList } from './OrderList';

export interface QuestionCardProps {
  question: Question;
  /** Seeds the starting order of a put-in-order question, stable within an attempt. */
  attemptId: string;
  number: number;
  total: number;
  /** Set once answered: the card then shows the feedback and the explanation. */
  answer: RecordedAnswer | undefined;
  onCheck: (chosen: string[]) => void;
  onNext: () => void;
  nextLabel: string;
  busy: boolean;
}

function useHint(question: Question): string {
  const { t } = useTranslation();
  if (question.kind === 'multiple') return t('learn.quiz.chooseMany');
  if (question.kind === 'order') return t('learn.quiz.putInOrder');
  if (question.kind === 'picture') return t('learn.quiz.choosePicture');
  return t('learn.quiz.chooseOne');
}

export function QuestionCard(props: QuestionCardProps) {
  const { question, attemptId, number, total, answer, onCheck, onNext, nextLabel, busy } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const hint = useHint(question);
  const ordering = question.kind === 'order';
  const [chosen, setChosen] = useState<string[]>(() =>
    ordering ? seededShuffle(question.answer, `${attemptId}:${question.id}`) : [],
  );
  const many = question.kind === 'multiple';
  const picked = answer?.chosen ?? chosen;
  const text = (id: string) => question.options.find((o) => o.id === id)?.text[language] ?? '';

  const toggle = (id: string) =>
    setChosen((now) =>
      many ? (now.includes(id) ? now.filter((c) => c !== id) : [...now, id]) : [id],
    );

  const rightText = question.answer.map(text).join(ordering ? ' → ' : ', ');
  const readText = [
    question.prompt[language],
    ...(ordering ? picked : question.options.map((o) => o.id)).map(
      (id, i) => `${i + 1}. ${text(id)}`,
    ),
  ].join('\n');

  return (
    <form
      className="question"
      data-question-id={question.id}
      onSubmit={(event) => {
        event.preventDefault();
        if (!answer && chosen.length > 0) onCheck(chosen);
      }}
    >
      <p className="muted">{t('learn.quiz.questionOf', { current: number, total })}</p>
      <fieldset disabled={Boolean(answer) || busy}>
        <legend className="question-prompt">{question.prompt[language]}</legend>
        <p className="muted hint">{hint}</p>
        {ordering ? (
          <OrderList
            question={question}
            order={picked}
            language={language}
            disabled={Boolean(answer) || busy}
            onChange={setChosen}
          />
        ) : (
          <div className={question.kind === 'picture' ? 'options options-pictures' : 'options'}>
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
                  {option.image && <img className="option-image" src={option.image} alt="" />}
                  <span>{option.text[language]}</span>
                </label>
              );
            })}
          </div>
        )}
      </fieldset>
      <ReadAloudButton text={readText} />
      {answer ? (
        <div className="feedback">
          <Notice tone={answer.correct ? 'success' : 'warning'}>
            <strong>{answer.correct ? t('learn.quiz.correct') : t('learn.quiz.incorrect')}</strong>{' '}
            {!answer.correct && t('learn.quiz.rightAnswer', { answer: rightText })}
          </Notice>
          <p className="explanation">{question.explanation[language]}</p>
          <ReadAloudButton text={question.explanation[language]} />
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
