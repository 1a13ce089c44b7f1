import type { ContactMethod, ExceptionReason, FormKind, FormLanguage, SoaPlan } from './schema.ts';

/**
 * The words of each form in English and Spanish. The public signing page shows exactly these
 * (the API sends them) and the PDF prints the same, so what was signed is what was shown.
 * Contents follow MESSAGING-AND-COMPLIANCE.md §2.1 (CMS model SOA), §2.2 (45 CFR 155.220(j)) and
 * §2.6 (E-SIGN 15 U.S.C. 7001(c)).
 */
export type FormTexts = {
  title: string;
  intro: string[];
  /** E-SIGN: scope, right to paper, how to withdraw, how to update contact details, requirements. */
  esign: string[];
  esignAgree: string;
  /** SOA: the plan types; ACA consent: scope/purpose/duration/rescind; attestation: the attestations. */
  body: string[];
  plansQuestion: string;
  signAgree: string;
};

const PLAN_LABELS: Record<FormLanguage, Record<SoaPlan, string>> = {
  en: {
    part_d: 'Stand-alone Medicare Prescription Drug Plans (Part D)',
    medicare_advantage: 'Medicare Advantage Plans (Part C) and Cost Plans',
    dental_vision_hearing: 'Dental/Vision/Hearing Products',
    hospital_indemnity: 'Hospital Indemnity Products',
    medicare_supplement: 'Medicare Supplement (Medigap) Products',
  },
  es: {
    part_d: 'Planes independientes de medicamentos recetados de Medicare (Parte D)',
    medicare_advantage: 'Planes Medicare Advantage (Parte C) y planes de costo',
    dental_vision_hearing: 'Productos dentales, de visión y de audición',
    hospital_indemnity: 'Productos de indemnización hospitalaria',
    medicare_supplement: 'Productos de Medicare Suplementario (Medigap)',
  },
};
export const planLabel = (lang: FormLanguage, plan: SoaPlan) => PLAN_LABELS[lang][plan];

const CONTACT_LABELS: Record<ContactMethod, string> = {
  walk_in: 'Walk-in (unscheduled, beneficiary-initiated)',
  beneficiary_call: 'Call from the beneficiary',
  agent_call: 'Call from the agent',
  email: 'Email',
  text: 'Text message',
  mail: 'Mail',
  web: 'Web form',
  referral: 'Referral',
  event: 'Educational or marketing event',
  other: 'Other',
};
export const contactLabel = (m: ContactMethod) => CONTACT_LABELS[m];

const EXCEPTION_LABELS: Record<ExceptionReason, string> = {
  walk_in: 'Unscheduled walk-in initiated by the beneficiary',
  beneficiary_call: 'Beneficiary-initiated call',
  enrollment_period_last_days: 'Last four days of a valid enrollment period',
  other: 'Other',
};
export const exceptionLabel = (r: ExceptionReason) => EXCEPTION_LABELS[r];

const ESIGN: Record<FormLanguage, string[]> = {
  en: [
    'You may receive and sign this form electronically. Your consent covers this form and its signed copy only.',
    'You have the right to a paper copy: ask your agent (by phone or in writing) and it will be mailed to you at no charge. You may instead sign a paper form.',
    'You may withdraw this consent at any time before you sign, by closing this page or telling your agent; there is no fee or penalty. Withdrawing does not undo a form already signed.',
    'To update your email address or phone number, tell your agent.',
    'You need a device with a current web browser and the ability to open PDF files. By agreeing you confirm that you can read this page.',
  ],
  es: [
    'Puede recibir y firmar este formulario electrónicamente. Su consentimiento cubre solamente este formulario y su copia firmada.',
    'Tiene derecho a una copia en papel: pídala a su agente (por teléfono o por escrito) y se la enviaremos por correo sin costo. También puede firmar un formulario en papel.',
    'Puede retirar este consentimiento en cualquier momento antes de firmar, cerrando esta página o avisando a su agente; no hay cargo ni penalidad. Retirarlo no anula un formulario ya firmado.',
    'Para actualizar su correo electrónico o teléfono, avise a su agente.',
    'Necesita un dispositivo con un navegador actual y la capacidad de abrir archivos PDF. Al aceptar confirma que puede leer esta página.',
  ],
};

const COMMON: Record<FormLanguage, { esignAgree: string; signAgree: string; plansQuestion: string }> = {
  en: {
    esignAgree: 'I agree to use electronic records and signatures for this form.',
    signAgree: 'By signing I confirm the information above.',
    plansQuestion: 'Products you agree to discuss (check all that apply)',
  },
  es: {
    esignAgree: 'Acepto usar registros y firmas electrónicas para este formulario.',
    signAgree: 'Al firmar confirmo la información anterior.',
    plansQuestion: 'Productos que acepta tratar (marque todos los que correspondan)',
  },
};

type FormFacts = { agencyName: string; agentName: string; npn: string | null };

const BODY: Record<
  FormKind,
  Record<FormLanguage, (f: FormFacts) => Pick<FormTexts, 'title' | 'intro' | 'body'>>
> = {
  soa: {
    en: (f) => ({
      title: 'Scope of Sales Appointment Confirmation Form',
      intro: [
        'The Centers for Medicare and Medicaid Services requires agents to document the scope of a marketing appointment before any sales meeting, to ensure understanding of what will be discussed between the agent and the Medicare beneficiary (or their authorized representative). All information provided on this form is confidential.',
        `The person who will discuss the products is ${f.agentName} of ${f.agencyName}. The agent is either employed or contracted by a Medicare plan; they do not work directly for the Federal government. This individual may also be paid based on your enrollment in a plan.`,
        'Signing this form does NOT obligate you to enroll in a plan, affect your current or future enrollment status, or enroll you in a Medicare plan.',
      ],
      body: [],
    }),
    es: (f) => ({
      title: 'Formulario de confirmación del alcance de la cita de ventas',
      intro: [
        'Los Centros de Servicios de Medicare y Medicaid exigen que los agentes documenten el alcance de una cita de mercadeo antes de cualquier reunión de ventas, para asegurar que se entienda lo que se tratará entre el agente y el beneficiario de Medicare (o su representante autorizado). Toda la información de este formulario es confidencial.',
        `La persona que tratará los productos es ${f.agentName} de ${f.agencyName}. El agente es empleado o contratista de un plan de Medicare; no trabaja directamente para el gobierno federal. Esta persona también puede recibir pago según su inscripción en un plan.`,
        'Firmar este formulario NO le obliga a inscribirse en un plan, no afecta su inscripción actual o futura y no le inscribe en un plan de Medicare.',
      ],
      body: [],
    }),
  },
  aca_consent: {
    en: (f) => ({
      title: 'Consent to Contact and Assist — Health Insurance Marketplace',
      intro: [
        `I give ${f.agentName} (NPN ${f.npn ?? '—'}) of ${f.agencyName} permission to act as my agent or broker for me and my household.`,
      ],
      body: [
        'Scope: the agent may search for my existing Marketplace application, help me complete a new or updated application, enroll me and my household in a qualified health plan, and give ongoing account maintenance and enrollment help.',
        'Purpose: to help me apply for and enroll in health coverage and financial help through the Marketplace.',
        'Duration: this consent stays in effect until I rescind it.',
        `How to rescind: I can take back this consent at any time by telling ${f.agentName} or ${f.agencyName} by phone, email or in writing.`,
        'I understand the agent will not use or share my personal information except as needed for these purposes (45 CFR 155.220(j)(2)(iii)).',
      ],
    }),
    es: (f) => ({
      title: 'Consentimiento para contactar y asistir — Mercado de Seguros Médicos',
      intro: [
        `Doy permiso a ${f.agentName} (NPN ${f.npn ?? '—'}) de ${f.agencyName} para actuar como mi agente o corredor para mí y mi hogar.`,
      ],
      body: [
        'Alcance: el agente puede buscar mi solicitud existente en el Mercado, ayudarme a completar una solicitud nueva o actualizada, inscribirme a mí y a mi hogar en un plan de salud calificado y darme ayuda continua con mi cuenta e inscripción.',
        'Propósito: ayudarme a solicitar e inscribirme en cobertura médica y ayuda financiera por medio del Mercado.',
        'Duración: este consentimiento sigue vigente hasta que yo lo revoque.',
        `Cómo revocarlo: puedo retirar este consentimiento en cualquier momento avisando a ${f.agentName} o a ${f.agencyName} por teléfono, correo electrónico o por escrito.`,
        'Entiendo que el agente no usará ni compartirá mi información personal excepto para estos fines (45 CFR 155.220(j)(2)(iii)).',
      ],
    }),
  },
  aca_attestation: {
    en: (f) => ({
      title: 'Eligibility Application Review Attestation',
      intro: [
        `${f.agentName} (NPN ${f.npn ?? '—'}) of ${f.agencyName} assisted me with my Marketplace eligibility application.`,
      ],
      body: [
        'I reviewed the information in my eligibility application and confirm it is accurate and complete to the best of my knowledge.',
        'The attestations at the end of the application were explained to me, including that I must report changes, that the information I give may be checked, and the penalties for giving false or untrue information.',
        'I understand that I am responsible for the information in my application (45 CFR 155.220(j)(2)(ii)).',
      ],
    }),
    es: (f) => ({
      title: 'Declaración de revisión de la solicitud de elegibilidad',
      intro: [
        `${f.agentName} (NPN ${f.npn ?? '—'}) de ${f.agencyName} me ayudó con mi solicitud de elegibilidad del Mercado.`,
      ],
      body: [
        'Revisé la información de mi solicitud de elegibilidad y confirmo que es correcta y completa según mi leal saber y entender.',
        'Se me explicaron las declaraciones al final de la solicitud, incluso que debo informar cambios, que la información puede ser verificada y las penalidades por dar información falsa.',
        'Entiendo que soy responsable de la información de mi solicitud (45 CFR 155.220(j)(2)(ii)).',
      ],
    }),
  },
};

export function formTexts(kind: FormKind, lang: FormLanguage, facts: FormFacts): FormTexts {
  return { ...BODY[kind][lang](facts), esign: ESIGN[lang], ...COMMON[lang] };
}

export const DEFAULT_TEMPLATES = {
  soa: {
    en: {
      subject: 'Please sign your Scope of Appointment',
      body: 'Hello {{name}},\n\nBefore we meet, Medicare rules ask you to confirm which products we will discuss. Please review and sign here (the link works for 24 hours):\n\n{{link}}\n\n{{agent}}',
    },
    es: {
      subject: 'Por favor firme su alcance de la cita',
      body: 'Hola {{name}}:\n\nAntes de reunirnos, las reglas de Medicare le piden confirmar qué productos trataremos. Revise y firme aquí (el enlace funciona por 24 horas):\n\n{{link}}\n\n{{agent}}',
    },
  },
  aca: {
    en: {
      subject: 'Please review and sign your Marketplace form',
      body: 'Hello {{name}},\n\nPlease review and sign this form so I can help you with your Marketplace coverage (the link works for 24 hours):\n\n{{link}}\n\n{{agent}}',
    },
    es: {
      subject: 'Por favor revise y firme su formulario del Mercado',
      body: 'Hola {{name}}:\n\nRevise y firme este formulario para que pueda ayudarle con su cobertura del Mercado (el enlace funciona por 24 horas):\n\n{{link}}\n\n{{agent}}',
    },
  },
} as const;

/** Fill a template's placeholders ({{link}}, {{name}}, {{agent}}); unknown ones are left as written. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => values[k] ?? m);
}
