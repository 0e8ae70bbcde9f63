import { useState } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import type { MemberRole, Organisation } from '../../protocol';
import { createOrgApi } from '../../sync/orgApi';
import { Notice } from '../../ui/Notice';
import { formatDate, formatTime } from './format';
import { ResetCode } from './ResetCode';
import { SuperviseQuiz } from './SuperviseQuiz';
import type { OrgKindView, RosterMember } from './roster';
import { useOrgAction } from './useOrgAction';
import { useServerRead } from './useServerRead';

/** The organisation's members for its manager: role (changeable where the kind allows) and activity. */
export function Roster({ org, view }: { org: Organisation; view: OrgKindView }) {
  const { t } = useTranslation();
  const { state, reload } = useServerRead(
    (token) => view.loadRoster(token, org.id),
    [org.id, view],
  );
  const { run, error } = useOrgAction();
  const [saved, setSaved] = useState<string | null>(null);

  const setRole = async (member: RosterMember, role: MemberRole) => {
    setSaved(null);
    const done = await run(
      (token) =>
        createOrgApi(window.location.origin).setRole(token, org.id, member.accountId, role),
      { conflict: t('orgs.roster.lastManager'), forbidden: t('orgs.roster.notAllowed') },
    );
    if (done) setSaved(t('orgs.roster.roleSaved', { name: member.displayName }));
    reload();
  };

  return (
    <section aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t('orgs.roster.title')}</h2>
      {state.phase === 'loading' && <p aria-busy="true" />}
      {state.phase === 'refused' && <Notice tone="warning">{t('orgs.roster.notAllowed')}</Notice>}
      {state.phase === 'offline' && <Notice tone="warning">{t('orgs.roster.needsOnline')}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      {saved && <Notice tone="success">{saved}</Notice>}
      {state.phase === 'ready' && org.kind !== 'team' && (
        // Learners only: the teacher and admins are listed with their role but never counted.
        <p className="muted">
          {t('orgs.roster.learnerCount', {
            count: state.data.filter((m) => m.courses !== undefined).length,
          })}
        </p>
      )}
      {state.phase === 'ready' && state.data.length === 0 && (
        <p className="muted">{t('orgs.roster.empty')}</p>
      )}
      {state.phase === 'ready' && (
        <ul className="lesson-list member-list">
          {state.data.map((member) => (
            <li key={member.accountId} className="lesson-link member-row">
              <span className="lesson-name">
                {member.displayName}
                <MemberDetail member={member} />
              </span>
              {view.grantable.length > 1 && view.grantable.includes(member.role) ? (
                <RoleChoice
                  member={member}
                  roles={view.grantable}
                  onChange={(role) => void setRole(member, role)}
                />
              ) : (
                <span className="badge">{t(`orgs.roles.${member.role}`)}</span>
              )}
              {view.supervises && member.role === 'learner' && (
                <SuperviseQuiz orgId={org.id} member={member} />
              )}
              <ResetCode orgId={org.id} member={member} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RoleChoice({
  member,
  roles,
  onChange,
}: {
  member: RosterMember;
  roles: readonly MemberRole[];
  onChange: (role: MemberRole) => void;
}) {
  const { t } = useTranslation();
  return (
    <select
      className="input role-choice"
      aria-label={t('orgs.roster.roleOf', { name: member.displayName })}
      value={member.role}
      onChange={(event) => onChange(event.target.value as MemberRole)}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`orgs.roles.${role}`)}
        </option>
      ))}
    </select>
  );
}

/** What the kind knows of a member: a volunteer's last sending and visits, a learner's lessons. */
function MemberDetail({ member }: { member: RosterMember }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const parts: string[] = [];
  if (member.visitCount !== undefined) {
    parts.push(
      member.lastPushAt
        ? t('orgs.roster.lastPush', {
            time: `${formatTime(member.lastPushAt, language)} ${formatDate(member.lastPushAt)}`,
          })
        : t('orgs.roster.never'),
      t('orgs.roster.visits', { count: member.visitCount }),
    );
  }
  if (member.courses) {
    parts.push(
      member.courses.length === 0
        ? t('orgs.roster.noProgress')
        : member.courses
            .map(
              (c) =>
                `${t('orgs.roster.lessons', { count: c.lessonsDone })}${c.passed ? ` · ${t('orgs.roster.passed')}` : ''}`,
            )
            .join(', '),
    );
  }
  if (parts.length === 0) return null;
  return <span className="muted link-list-detail">{parts.join(' · ')}</span>;
}
