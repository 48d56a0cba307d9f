/**
 * What a procedure does with its subject, for whom, and where. Titles are built in each
 * language from its own template (French elides "de" before a vowel; Arabic uses the
 * construct state), never by translating word by word.
 */
import type { Phrase, Subject, SubjectKind } from './vocabulary.ts';

export interface Action {
  key: string;
  kinds: SubjectKind[];
  title(name: Phrase): Phrase;
  note: Phrase; // one sentence for the summary
  feeFactor: number; // times the subject's fee
}

/** "de permis" / "d’attestation". */
export function de(noun: string): string {
  return /^[aeiouyàâéèêëîïôûœh]/i.test(noun) && !/^h[aâ]/i.test(noun) ? `d’${noun}` : `de ${noun}`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const ACTIONS: Action[] = [
  {
    key: 'request',
    kinds: ['document', 'permit'],
    title: (n) => ({ fr: `Demande ${de(n.fr)}`, ar: `طلب ${n.ar}` }),
    note: { fr: 'Le relais transmet la demande et vous prévient par SMS quand la réponse est prête.', ar: 'يرسل المركز الطلب ويخبرك برسالة نصية عندما يكون الجواب جاهزا.' },
    feeFactor: 1,
  },
  {
    key: 'first',
    kinds: ['card'],
    title: (n) => ({ fr: `Première demande ${de(n.fr)}`, ar: `طلب ${n.ar} لأول مرة` }),
    note: { fr: 'Pour une personne qui n’en a jamais eu.', ar: 'لشخص لم يسبق له الحصول عليها.' },
    feeFactor: 1,
  },
  {
    key: 'register',
    kinds: ['program'],
    title: (n) => ({ fr: capital(n.fr), ar: n.ar }),
    note: { fr: 'Le relais remplit le dossier avec vous et le transmet en ligne.', ar: 'يملأ المركز الملف معك ويرسله عبر الإنترنت.' },
    feeFactor: 1,
  },
  {
    key: 'renewal',
    kinds: ['card', 'permit'],
    title: (n) => ({ fr: `Renouvellement ${de(n.fr)}`, ar: `تجديد ${n.ar}` }),
    note: { fr: 'À faire avant la date d’expiration, ou dès qu’une information a changé.', ar: 'يتم قبل تاريخ انتهاء الصلاحية أو عند تغير إحدى المعلومات.' },
    feeFactor: 1,
  },
  {
    key: 'duplicate',
    kinds: ['card'],
    title: (n) => ({ fr: `Duplicata ${de(n.fr)}`, ar: `نظير ${n.ar}` }),
    note: { fr: 'En cas de perte, de vol ou de détérioration de l’original.', ar: 'في حالة ضياع الأصل أو سرقته أو تلفه.' },
    feeFactor: 1.5,
  },
  {
    key: 'appointment',
    kinds: ['card'],
    title: (n) => ({ fr: `Prise de rendez-vous – ${n.fr}`, ar: `حجز موعد – ${n.ar}` }),
    note: { fr: 'Choisissez un créneau pour déposer le dossier en personne.', ar: 'اختر موعدا لإيداع الملف شخصيا.' },
    feeFactor: 0,
  },
  {
    key: 'correction',
    kinds: ['document'],
    title: (n) => ({ fr: `Rectification ${de(n.fr)}`, ar: `تصحيح ${n.ar}` }),
    note: { fr: 'Pour corriger une erreur de nom, de date ou de lieu.', ar: 'لتصحيح خطأ في الاسم أو التاريخ أو المكان.' },
    feeFactor: 0,
  },
  {
    key: 'modification',
    kinds: ['permit'],
    title: (n) => ({ fr: `Modification ${de(n.fr)}`, ar: `تعديل ${n.ar}` }),
    note: { fr: 'Pour modifier une autorisation déjà accordée : surface, usage ou bénéficiaire.', ar: 'لتعديل رخصة سبق منحها: المساحة أو الاستعمال أو المستفيد.' },
    feeFactor: 0.5,
  },
  {
    key: 'update',
    kinds: ['program'],
    title: (n) => ({ fr: `Mise à jour du dossier : ${n.fr}`, ar: `تحيين ملف: ${n.ar}` }),
    note: { fr: 'Pour signaler un changement d’adresse, de ménage ou de revenus.', ar: 'للتصريح بتغيير في العنوان أو تركيبة الأسرة أو الدخل.' },
    feeFactor: 0,
  },
  {
    key: 'follow-up',
    kinds: ['document', 'card', 'permit'],
    title: (n) => ({ fr: `Suivi d’une demande ${de(n.fr)}`, ar: `تتبع طلب ${n.ar}` }),
    note: { fr: 'Pour connaître l’état d’avancement d’une demande déjà déposée.', ar: 'لمعرفة مآل طلب سبق إيداعه.' },
    feeFactor: 0,
  },
  {
    key: 'follow-up',
    kinds: ['program'],
    title: (n) => ({ fr: `Suivi du dossier : ${n.fr}`, ar: `تتبع ملف: ${n.ar}` }),
    note: { fr: 'Pour connaître l’état d’avancement d’un dossier déjà déposé.', ar: 'لمعرفة مآل ملف سبق إيداعه.' },
    feeFactor: 0,
  },
  {
    key: 'complaint',
    kinds: ['document', 'card', 'permit'],
    title: (n) => ({ fr: `Réclamation sur une demande ${de(n.fr)}`, ar: `تظلم بشأن طلب ${n.ar}` }),
    note: { fr: 'Pour contester une décision ou signaler un retard anormal.', ar: 'للطعن في قرار أو التبليغ عن تأخر غير عادي.' },
    feeFactor: 0,
  },
  {
    key: 'complaint',
    kinds: ['program'],
    title: (n) => ({ fr: `Réclamation : ${n.fr}`, ar: `تظلم: ${n.ar}` }),
    note: { fr: 'Pour contester un refus ou signaler un retard anormal.', ar: 'للطعن في رفض أو التبليغ عن تأخر غير عادي.' },
    feeFactor: 0,
  },
  {
    key: 'withdrawal',
    kinds: ['program'],
    title: (n) => ({ fr: `Fin d’inscription : ${n.fr}`, ar: `إنهاء التسجيل: ${n.ar}` }),
    note: { fr: 'Pour mettre fin à l’inscription ou à la prestation.', ar: 'لإنهاء التسجيل أو الاستفادة.' },
    feeFactor: 0,
  },
];

export function actionsFor(subject: Subject): Action[] {
  return ACTIONS.filter((a) => a.kinds.includes(subject.kind));
}

export interface Audience {
  key: string;
  suffix: Phrase; // appended to the title
  note: Phrase;
  /** Categories it makes sense for; undefined: all. */
  categories?: string[];
  kinds?: SubjectKind[];
  urgent?: boolean;
}

export const AUDIENCES: Audience[] = [
  {
    key: 'minor',
    suffix: { fr: ' pour un enfant mineur', ar: ' لفائدة طفل قاصر' },
    note: { fr: 'La demande est faite par le père, la mère ou le tuteur légal.', ar: 'يقدم الطلب الأب أو الأم أو النائب الشرعي.' },
    categories: ['civil-status', 'identity', 'justice', 'health', 'education', 'social-support', 'family'],
  },
  {
    key: 'abroad',
    suffix: { fr: ' pour un Marocain résidant à l’étranger', ar: ' لفائدة مغاربة العالم' },
    note: { fr: 'Le dossier peut être suivi depuis le consulat du pays de résidence.', ar: 'يمكن تتبع الملف من قنصلية بلد الإقامة.' },
  },
  {
    key: 'disability',
    suffix: { fr: ' pour une personne en situation de handicap', ar: ' لفائدة شخص في وضعية إعاقة' },
    note: { fr: 'Accueil prioritaire ; l’agent peut se déplacer à domicile.', ar: 'استقبال بالأولوية؛ ويمكن للعون التنقل إلى المنزل.' },
  },
  {
    key: 'proxy',
    suffix: { fr: ' par procuration', ar: ' بواسطة وكالة' },
    note: { fr: 'Un proche peut déposer la demande avec une procuration légalisée.', ar: 'يمكن لأحد الأقارب إيداع الطلب بوكالة مصادق عليها.' },
  },
  {
    key: 'urgent',
    suffix: { fr: ' (procédure accélérée)', ar: ' (مسطرة مستعجلة)' },
    note: { fr: 'Traitement prioritaire contre des frais supplémentaires.', ar: 'معالجة بالأولوية مقابل رسوم إضافية.' },
    kinds: ['document', 'card'],
    urgent: true,
  },
  {
    key: 'heirs',
    suffix: { fr: ' pour les ayants droit', ar: ' لفائدة ذوي الحقوق' },
    note: { fr: 'Déposée par les héritiers, avec l’acte d’hérédité.', ar: 'يودعها الورثة مرفقة برسم الإراثة.' },
    categories: ['pensions', 'housing', 'agriculture', 'tax', 'transport'],
  },
];

export function audiencesFor(subject: Subject): Audience[] {
  return AUDIENCES.filter((a) => (!a.categories || a.categories.includes(subject.category)) && (!a.kinds || a.kinds.includes(subject.kind)));
}

export interface Region {
  key: string; // short, so ids stay under the schema's 64 characters
  name: Phrase;
}

/** Morocco's twelve regions: the national register lists a procedure once per regional office. */
export const REGIONS: Region[] = [
  { key: 'tta', name: { fr: 'Tanger-Tétouan-Al Hoceïma', ar: 'طنجة تطوان الحسيمة' } },
  { key: 'or', name: { fr: 'l’Oriental', ar: 'الشرق' } },
  { key: 'fm', name: { fr: 'Fès-Meknès', ar: 'فاس مكناس' } },
  { key: 'rsk', name: { fr: 'Rabat-Salé-Kénitra', ar: 'الرباط سلا القنيطرة' } },
  { key: 'bmk', name: { fr: 'Béni Mellal-Khénifra', ar: 'بني ملال خنيفرة' } },
  { key: 'cs', name: { fr: 'Casablanca-Settat', ar: 'الدار البيضاء سطات' } },
  { key: 'ms', name: { fr: 'Marrakech-Safi', ar: 'مراكش آسفي' } },
  { key: 'dt', name: { fr: 'Drâa-Tafilalet', ar: 'درعة تافيلالت' } },
  { key: 'sm', name: { fr: 'Souss-Massa', ar: 'سوس ماسة' } },
  { key: 'gon', name: { fr: 'Guelmim-Oued Noun', ar: 'كلميم واد نون' } },
  { key: 'lsh', name: { fr: 'Laâyoune-Sakia El Hamra', ar: 'العيون الساقية الحمراء' } },
  { key: 'dod', name: { fr: 'Dakhla-Oued Ed-Dahab', ar: 'الداخلة وادي الذهب' } },
];
