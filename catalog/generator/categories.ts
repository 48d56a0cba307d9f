/**
 * The catalog's categories, in the order the kiosk lists them. The hand-written demo
 * catalog uses the same slugs, so generated and demo services share their groups.
 * Pictograms come from src/core/catalog/icons.ts; education, agriculture, business and
 * employment borrow the nearest one until they get their own drawings.
 */
import type { Category } from './vocabulary.ts';

export const CATEGORIES: Category[] = [
  { slug: 'civil-status', icon: 'birth', name: { fr: 'État civil', ar: 'الحالة المدنية' } },
  { slug: 'family', icon: 'marriage', name: { fr: 'Famille', ar: 'الأسرة' } },
  { slug: 'identity', icon: 'id-card', name: { fr: 'Identité et nationalité', ar: 'الهوية والجنسية' } },
  { slug: 'residence', icon: 'residence', name: { fr: 'Résidence et attestations', ar: 'السكنى والشواهد الإدارية' } },
  { slug: 'justice', icon: 'justice', name: { fr: 'Justice', ar: 'العدل' } },
  { slug: 'housing', icon: 'building', name: { fr: 'Foncier et habitat', ar: 'العقار والسكن' } },
  { slug: 'social-support', icon: 'support', name: { fr: 'Aide sociale', ar: 'الدعم الاجتماعي' } },
  { slug: 'pensions', icon: 'life', name: { fr: 'Retraites et pensions', ar: 'التقاعد والمعاشات' } },
  { slug: 'health', icon: 'health', name: { fr: 'Santé et couverture médicale', ar: 'الصحة والتغطية الصحية' } },
  { slug: 'education', icon: 'support', name: { fr: 'Éducation', ar: 'التربية والتعليم' } },
  { slug: 'agriculture', icon: 'income', name: { fr: 'Agriculture et élevage', ar: 'الفلاحة وتربية الماشية' } },
  { slug: 'business', icon: 'income', name: { fr: 'Commerce et entreprise', ar: 'التجارة والمقاولة' } },
  { slug: 'tax', icon: 'income', name: { fr: 'Impôts et taxes', ar: 'الضرائب والرسوم' } },
  { slug: 'employment', icon: 'support', name: { fr: 'Emploi', ar: 'الشغل' } },
  { slug: 'transport', icon: 'id-card', name: { fr: 'Transport et véhicules', ar: 'النقل والعربات' } },
];
