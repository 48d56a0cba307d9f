/**
 * The form of a generated procedure: who applies, the details its category needs, and how
 * to reach the citizen. Every field type the form engine knows appears somewhere, with
 * bounds, patterns and one condition, so the generated catalog exercises validation as
 * much as the hand-written one.
 */
import type { ChoiceOption, FieldDefinition, Localized, StepDefinition } from '../../src/core/forms/types.ts';
import { DOCUMENTS } from './documents.ts';
import type { Phrase } from './vocabulary.ts';

const L = (fr: string, ar: string): Localized => ({ ar, fr });
const opt = (value: string, fr: string, ar: string): ChoiceOption => ({ value, label: L(fr, ar) });

const person = (prefix: string, who: Phrase | null): FieldDefinition[] => {
  const of = (fr: string, ar: string) => (who ? L(`${fr} ${who.fr}`, `${ar} ${who.ar}`) : L(fr, ar));
  return [
    { id: `${prefix}FullName`, type: 'text', label: of('Prénom et nom', 'الاسم الشخصي والعائلي'), required: true, minLength: 3, maxLength: 80 },
    { id: `${prefix}Cnie`, type: 'cnie', label: of('Numéro de CNIE', 'رقم البطاقة الوطنية'), required: true },
  ];
};

const birthDate = (id: string, minDate: string): FieldDefinition => ({ id, type: 'date', label: L('Date de naissance', 'تاريخ الازدياد'), required: true, minDate, maxDate: 'today' });

const DETAILS: Record<string, () => FieldDefinition[]> = {
  civil: () => [
    { id: 'actCommune', type: 'text', label: L('Commune où l’acte est inscrit', 'الجماعة المسجل بها الرسم'), required: true, minLength: 2, maxLength: 80 },
    { id: 'actYear', type: 'number', label: L('Année de l’acte', 'سنة الرسم'), required: true, min: 1900, max: 2100 },
    { id: 'actNumber', type: 'text', label: L('Numéro de l’acte, s’il est connu', 'رقم الرسم إن كان معروفا'), pattern: '[0-9]{1,6}', hint: L('Chiffres seulement, par exemple 1234', 'أرقام فقط، مثال: 1234') },
    { id: 'copies', type: 'number', label: L('Nombre de copies', 'عدد النسخ'), required: true, min: 1, max: 10 },
  ],
  card: () => [
    { id: 'reason', type: 'choice', label: L('Motif de la demande', 'سبب الطلب'), required: true, options: [opt('first', 'Première demande', 'أول طلب'), opt('expired', 'Carte expirée', 'انتهاء الصلاحية'), opt('lost', 'Perte ou vol', 'ضياع أو سرقة'), opt('changed', 'Changement d’adresse ou d’état civil', 'تغيير العنوان أو الحالة المدنية')] },
    { id: 'lossDeclaration', type: 'text', label: L('Numéro de la déclaration de perte', 'رقم التصريح بالضياع'), required: true, minLength: 3, maxLength: 30, visibleWhen: { field: 'reason', equals: 'lost' } },
    { id: 'heightCm', type: 'number', label: L('Taille en centimètres', 'القامة بالسنتيمتر'), min: 50, max: 230 },
  ],
  court: () => [
    { id: 'courtCity', type: 'text', label: L('Ville du tribunal', 'مدينة المحكمة'), required: true, minLength: 2, maxLength: 60 },
    { id: 'caseNumber', type: 'text', label: L('Numéro du dossier, s’il existe', 'رقم الملف إن وجد'), maxLength: 30 },
    { id: 'purpose', type: 'choice', label: L('Pour quel usage ?', 'لأي غرض؟'), required: true, options: [opt('administration', 'Dossier administratif', 'ملف إداري'), opt('employment', 'Emploi ou concours', 'شغل أو مباراة'), opt('abroad', 'Démarche à l’étranger', 'إجراء بالخارج'), opt('other', 'Autre', 'غرض آخر')] },
  ],
  housing: () => [
    { id: 'parcelTitle', type: 'text', label: L('Numéro du titre foncier, s’il existe', 'رقم الرسم العقاري إن وجد'), pattern: '[0-9]{1,7}(/[0-9]{1,3})?', hint: L('Par exemple 12345/09', 'مثال: 12345/09') },
    { id: 'areaM2', type: 'number', label: L('Surface en mètres carrés', 'المساحة بالمتر المربع'), required: true, min: 1, max: 1000000 },
    { id: 'zone', type: 'choice', label: L('Situation du terrain', 'موقع العقار'), required: true, options: [opt('urban', 'Périmètre urbain', 'داخل المدار الحضري'), opt('rural', 'Commune rurale', 'جماعة قروية')] },
  ],
  household: () => [
    { id: 'householdSize', type: 'number', label: L('Nombre de personnes dans le ménage', 'عدد أفراد الأسرة'), required: true, min: 1, max: 30 },
    { id: 'housing', type: 'choice', label: L('Logement', 'السكن'), required: true, options: [opt('owner', 'Propriétaire', 'مالك'), opt('tenant', 'Locataire', 'مكتري'), opt('hosted', 'Hébergé par la famille', 'مقيم عند العائلة')] },
    { id: 'monthlyRent', type: 'number', label: L('Loyer mensuel en dirhams', 'الكراء الشهري بالدرهم'), required: true, min: 0, max: 100000, visibleWhen: { field: 'housing', equals: 'tenant' } },
  ],
  pension: () => [
    { id: 'fund', type: 'choice', label: L('Caisse de retraite', 'صندوق التقاعد'), required: true, options: [opt('cnss', 'CNSS', 'الضمان الاجتماعي'), opt('cmr', 'CMR', 'الصندوق المغربي للتقاعد'), opt('rcar', 'RCAR', 'النظام الجماعي لمنح رواتب التقاعد')] },
    { id: 'pensionNumber', type: 'text', label: L('Numéro de pension ou d’affiliation', 'رقم المعاش أو الانخراط'), required: true, pattern: '[0-9]{6,12}' },
  ],
  health: () => [
    { id: 'scheme', type: 'choice', label: L('Couverture actuelle', 'التغطية الحالية'), required: true, options: [opt('amo-cnss', 'AMO (CNSS)', 'أمو (الضمان الاجتماعي)'), opt('amo-tadamon', 'AMO Tadamon', 'أمو تضامن'), opt('none', 'Aucune', 'لا شيء')] },
    { id: 'chronic', type: 'yesno', label: L('Maladie de longue durée ?', 'مرض مزمن؟'), required: true },
  ],
  school: () => [
    { id: 'level', type: 'choice', label: L('Niveau', 'المستوى'), required: true, options: [opt('primary', 'Primaire', 'الابتدائي'), opt('middle', 'Collège', 'الإعدادي'), opt('high', 'Lycée', 'الثانوي'), opt('university', 'Université', 'الجامعة')] },
    { id: 'schoolName', type: 'text', label: L('Établissement', 'المؤسسة'), required: true, minLength: 2, maxLength: 100 },
  ],
  farm: () => [
    { id: 'farmAreaHa', type: 'number', label: L('Surface de l’exploitation en hectares', 'مساحة الاستغلالية بالهكتار'), required: true, min: 0, max: 10000 },
    { id: 'production', type: 'multichoice', label: L('Productions', 'الإنتاج'), required: true, minItems: 1, options: [opt('cereals', 'Céréales', 'الحبوب'), opt('olives', 'Oliviers', 'الزيتون'), opt('argan', 'Arganiers', 'الأركان'), opt('dates', 'Palmiers dattiers', 'النخيل'), opt('vegetables', 'Maraîchage', 'الخضروات'), opt('livestock', 'Élevage', 'تربية الماشية')] },
  ],
  business: () => [
    { id: 'activity', type: 'choice', label: L('Activité', 'النشاط'), required: true, options: [opt('trade', 'Commerce', 'التجارة'), opt('crafts', 'Artisanat', 'الصناعة التقليدية'), opt('services', 'Services', 'الخدمات'), opt('agrifood', 'Transformation agricole', 'التحويل الفلاحي')] },
    { id: 'businessName', type: 'text', label: L('Nom de l’activité', 'اسم النشاط'), required: true, minLength: 2, maxLength: 100 },
  ],
  tax: () => [
    { id: 'taxYear', type: 'number', label: L('Année concernée', 'السنة المعنية'), required: true, min: 2000, max: 2100 },
    { id: 'taxId', type: 'text', label: L('Identifiant fiscal, s’il existe', 'التعريف الضريبي إن وجد'), pattern: '[0-9]{7,8}' },
  ],
  job: () => [
    { id: 'situation', type: 'choice', label: L('Situation actuelle', 'الوضعية الحالية'), required: true, options: [opt('unemployed', 'Sans emploi', 'بدون شغل'), opt('employed', 'Salarié', 'أجير'), opt('self-employed', 'À son compte', 'يعمل لحسابه')] },
    { id: 'cnssNumber', type: 'text', label: L('Numéro d’immatriculation CNSS, s’il existe', 'رقم التسجيل في الضمان الاجتماعي إن وجد'), pattern: '[0-9]{9}' },
  ],
  vehicle: () => [
    { id: 'plate', type: 'text', label: L('Numéro d’immatriculation, s’il existe', 'رقم التسجيل إن وجد'), maxLength: 20 },
    { id: 'categories', type: 'multichoice', label: L('Catégories', 'الأصناف'), required: true, minItems: 1, maxItems: 3, options: [opt('A', 'A (moto)', 'أ (دراجة نارية)'), opt('B', 'B (voiture)', 'ب (سيارة)'), opt('C', 'C (camion)', 'ج (شاحنة)'), opt('D', 'D (autocar)', 'د (حافلة)')] },
  ],
  generic: () => [{ id: 'details', type: 'text', label: L('Précisions utiles', 'توضيحات مفيدة'), maxLength: 300 }],
};

export const FORM_TEMPLATES = Object.keys(DETAILS);

export interface FormShape {
  template: string;
  forMinor: boolean;
  byProxy: boolean;
  abroad: boolean;
  firstDocument: string | undefined;
}

export function buildSteps(shape: FormShape): StepDefinition[] {
  const details = DETAILS[shape.template];
  if (!details) throw new Error(`unknown form template '${shape.template}'`);
  const steps: StepDefinition[] = [];
  if (shape.forMinor) {
    steps.push({ id: 'child', title: L('L’enfant', 'الطفل'), fields: [{ id: 'childFullName', type: 'text', label: L('Prénom et nom de l’enfant', 'الاسم الشخصي والعائلي للطفل'), required: true, minLength: 3, maxLength: 80 }, birthDate('childBirthDate', '2000-01-01')] });
    steps.push({ id: 'parent', title: L('Le parent ou le tuteur', 'الأب أو الأم أو النائب الشرعي'), fields: person('parent', null) });
  } else {
    steps.push({ id: 'identity', title: L('Identité', 'الهوية'), fields: [...person('applicant', null), birthDate('birthDate', '1900-01-01')] });
  }
  if (shape.byProxy) steps.push({ id: 'proxy', title: L('Le mandataire', 'الوكيل'), fields: person('proxy', { fr: 'du mandataire', ar: 'للوكيل' }) });
  steps.push({ id: 'details', title: L('Détails de la demande', 'تفاصيل الطلب'), fields: details() });
  const contact: FieldDefinition[] = [];
  if (shape.abroad) contact.push({ id: 'country', type: 'text', label: L('Pays de résidence', 'بلد الإقامة'), required: true, minLength: 2, maxLength: 60 });
  contact.push({ id: 'phone', type: 'phone', label: L('Numéro de téléphone', 'رقم الهاتف'), hint: L('Nous vous préviendrons par SMS. Exemple : 06 12 34 56 78', 'سنخبرك برسالة نصية. مثال: 06 12 34 56 78'), required: true });
  const doc = shape.firstDocument ? DOCUMENTS[shape.firstDocument] : undefined;
  if (doc) contact.push({ id: 'firstDocument', type: 'document', label: L(`Comment fournirez-vous : ${doc.fr} ?`, `كيف ستقدم: ${doc.ar}؟`), required: true });
  steps.push({ id: 'contact', title: L('Contact et documents', 'الاتصال والوثائق'), fields: contact });
  return steps;
}
