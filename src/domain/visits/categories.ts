import type { ServiceCategory, VisitService } from '../../protocol/visits';

/**
 * Which category of help each walkthrough and course is under (issue 16). A walkthrough not
 * listed is a public service; a course not listed is `other`. The app and the server's SQL use
 * this one table, so the dashboard, the roll-ups and the exports agree.
 */
export const CONTENT_CATEGORIES: Readonly<Record<string, ServiceCategory>> = {
  'walkthrough:vneid-create-account': 'vneid',
  'walkthrough:portal-sign-in-vneid': 'vneid',
  'walkthrough:judicial-record': 'public_services',
  'walkthrough:newborn-linked-procedure': 'public_services',
  'walkthrough:residence-registration': 'public_services',
  'walkthrough:pay-electricity-bill': 'banking',
  'walkthrough:health-insurance-clinic': 'health',
  'walkthrough:vssid-lookup': 'health',
  'course:vneid-identity': 'vneid',
  'course:public-services-online': 'public_services',
  'course:cashless-payments': 'banking',
  'course:digital-health': 'health',
  'course:communicating-online': 'messaging',
  'course:staying-safe': 'scam',
  'course:personal-data': 'scam',
  'course:smartphone-basics': 'phone_setup',
};

/** The category of a service key (`walkthrough:<id>`, `course:<id>`, `category:<id>`, `other`). */
export function categoryOfKey(key: string): ServiceCategory {
  if (key.startsWith('category:')) return key.slice('category:'.length) as ServiceCategory;
  const listed = CONTENT_CATEGORIES[key];
  if (listed) return listed;
  return key.startsWith('walkthrough:') ? 'public_services' : 'other';
}

export function categoryOf(service: VisitService): ServiceCategory {
  if (service.kind === 'other') return 'other';
  return categoryOfKey(`${service.kind}:${service.id}`);
}

/** The categories as the export and the form word them (Vietnamese, the source language). */
export const CATEGORY_LABELS: Record<ServiceCategory, string> = {
  vneid: 'VNeID',
  public_services: 'Dịch vụ công',
  banking: 'Ngân hàng, thanh toán',
  health: 'Y tế, bảo hiểm',
  messaging: 'Nhắn tin, gọi điện',
  scam: 'Lừa đảo qua mạng',
  phone_setup: 'Cài đặt điện thoại',
  other: 'Khác',
};
