/**
 * Words that find every service of a category, whatever its title says: "santé" or
 * "الصحة" lists health services. The Amazigh words (Latin transcription; Tifinagh
 * queries are transliterated to it) are drafts written by a non-native speaker: they
 * need review by a native speaker of each variant, like every Amazigh string (DESIGN §1).
 */
export const CATEGORY_TERMS: Readonly<Record<string, readonly string[]>> = {
  'civil-status': ['état civil', 'الحالة المدنية', 'naissance', 'ولادة', 'ازدياد', 'tilalit'],
  family: ['famille', 'الأسرة', 'mariage', 'زواج', 'tawja'],
  identity: ['identité', 'الهوية', 'nationalité', 'الجنسية', 'tamagit', 'takarḍa'],
  residence: ['résidence', 'domicile', 'attestation', 'السكنى', 'الإقامة', 'شهادة إدارية'],
  justice: ['justice', 'tribunal', 'العدل', 'المحكمة'],
  housing: ['logement', 'foncier', 'terrain', 'maison', 'العقار', 'السكن', 'أرض', 'tigmmi', 'akal'],
  'social-support': ['aide sociale', 'soutien', 'الدعم الاجتماعي', 'مساعدة'],
  pensions: ['retraite', 'pension', 'التقاعد', 'المعاش'],
  health: ['santé', 'médical', 'الصحة', 'العلاج', 'tadusi'],
  education: ['école', 'scolarité', 'enseignement', 'المدرسة', 'التعليم', 'tinml', 'asslmd'],
  agriculture: ['agriculture', 'agricole', 'élevage', 'الفلاحة', 'الماشية', 'tafllaḥt'],
  business: ['commerce', 'entreprise', 'التجارة', 'المقاولة'],
  tax: ['impôts', 'taxe', 'fiscal', 'الضرائب', 'الضريبة'],
  employment: ['emploi', 'travail', 'الشغل', 'العمل', 'tawuri'],
  transport: ['transport', 'véhicule', 'voiture', 'النقل', 'السيارة'],
};
