import { useCourses, useWalkthroughs } from '../../../data/hooks';
import { useLanguage, useTranslation } from '../../../i18n';
import { categoryOfKey } from '../../../domain/visits/categories';
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
      if (service === 'other') return t('team.dashboard.other');
      if (service.startsWith('category:')) return t(`team.categories.${categoryOfKey(service)}`);
      return byKey.get(service) ?? service;
    }
    if (service.kind === 'other') return service.text;
    if (service.kind === 'category') return t(`team.categories.${service.id}`);
    return byKey.get(`${service.kind}:${service.id}`) ?? service.id;
  };
}
