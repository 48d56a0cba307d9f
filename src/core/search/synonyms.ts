/**
 * Names people use for the same paper. When every word of one phrase of a group is in a
 * service's title, the other phrases become keywords of that service, so "CNIE", "carte
 * d'identité" and "بطاقة التعريف" find the same service. Phrases are folded and
 * tokenized like everything else, so accents, articles and hamza forms do not matter.
 */
export const SYNONYM_GROUPS: ReadonlyArray<readonly string[]> = [
  ['carte d’identité', 'carte nationale', 'CNIE', 'CIN', 'بطاقة التعريف', 'البطاقة الوطنية', 'لاكارط'],
  ['acte de naissance', 'extrait de naissance', 'عقد الازدياد', 'رسم الولادة', 'شهادة الميلاد', 'شهادة الازدياد'],
  ['certificat de résidence', 'attestation de résidence', 'شهادة السكنى', 'شهادة الإقامة'],
  ['casier judiciaire', 'fiche anthropométrique', 'السجل العدلي', 'بطاقة السوابق', 'السوابق العدلية'],
  ['permis de construire', 'autorisation de construire', 'رخصة البناء'],
  ['assurance maladie', 'AMO', 'couverture médicale', 'mutuelle', 'التأمين الإجباري عن المرض', 'التغطية الصحية', 'أمو', 'RAMED', 'راميد'],
  ['registre social', 'RSU', 'السجل الاجتماعي'],
  ['passeport', 'جواز السفر', 'الباسبور'],
  ['permis de conduire', 'رخصة السياقة', 'البيرمي'],
  ['carte grise', 'certificat d’immatriculation', 'البطاقة الرمادية'],
  ['acte de mariage', 'عقد الزواج', 'رسم الزواج'],
  ['acte de décès', 'رسم الوفاة', 'شهادة الوفاة'],
  ['certificat de vie', 'attestation de vie', 'شهادة الحياة'],
  ['attestation de revenu', 'certificat de revenu', 'شهادة الدخل'],
  ['livret de famille', 'الدفتر العائلي', 'كناش الحالة المدنية'],
  ['bourse', 'Minhaty', 'منحة', 'منحتي'],
  ['chercheur d’emploi', 'ANAPEC', 'chômage', 'أنابيك', 'باحث عن شغل', 'البطالة'],
  ['auto-entrepreneur', 'المقاول الذاتي'],
  ['retraite', 'pension', 'التقاعد', 'المعاش'],
  ['handicap', 'إعاقة', 'معاق'],
];
