import { useCourses, useWalkthroughs } from '../../../data/hooks';
import { useLanguage, useTranslation } from '../../../i18n';
import type { VisitService } from '../../../protocol/visits';

export interface ServiceChoice {
  key: string;
  label: string;
  service: VisitService;
}

/** The walkthroughs and courses on this phone, as service choices (e-services first). */
export function useServiceChoices(): ServiceChoice[] {
  const language = useLanguage();
  const walkthroughs = useWalkthroughs() ?? [];
  const courses = useCourses() ?? [];
  return [
    ...walkthroughs.map((w) => ({
      key: `walkthrough:${w.id}`,
      label: w.title[language],
      service: { kind: 'walkthrough' as const, id: w.id },
    })),
    ...courses.map((c) => ({
      key: `course:${c.id}`,
      label: c.title[language],
      service: { kind: 'course' as const, id: c.id },
    })),
  ];
}

/** Words for a service, or for a dashboard key such as `walkthrough:<id>` or `other`. */
export function useServiceLabel(): (service: VisitService | string) => string {
  const { t } = useTranslation();
  const choices = useServiceChoices();
  const byKey = new Map(choices.map((c) => [c.key, c.label]));
  return (service) => {
    if (typeof service === 'string') {
      return service === 'other' ? t('team.dashboard.other') : (byKey.get(service) ?? service);
    }
    if (service.kind === 'other') return service.text;
    return byKey.get(`${service.kind}:${service.id}`) ?? service.id;
  };
}
