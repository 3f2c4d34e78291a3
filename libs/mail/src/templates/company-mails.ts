import { render, type RenderedMail } from './layout';

export interface CompanyFindingMailInput {
  companyName: string;
  year: number;
  /** KS's decision on the assessment: meeting date 'YYYY-MM-DD' and paragraph ("§ 71"). */
  meetingDate: string;
  paragraph: string;
  motivation: string;
  assessmentUrl: string;
  matterUrl: string;
}

/**
 * To KF's chair and secretary and KS's secretary: KS found in its yearly assessment (kommunallagen
 * 6 kap. 9 §) that a company's business was not within the municipal purpose and powers, and the
 * finding is now a matter before KF.
 */
export function companyFindingToKfMail(e: CompanyFindingMailInput): RenderedMail {
  return render(`Till kommunfullmäktige: ${e.companyName} utanför det kommunala ändamålet`, {
    heading: `Kommunstyrelsens bedömning av bolagen ${e.year}: ${e.companyName}`,
    paragraphs: [
      `Kommunstyrelsen har i sin bedömning enligt kommunallagen 6 kap. 9 § (sammanträde ${e.meetingDate}, ${e.paragraph}) funnit att verksamheten i ${e.companyName} inte har bedrivits i enlighet med det kommunala ändamålet och inom de kommunala befogenheterna.`,
      `Motivering: ${e.motivation}`,
      'Ärendet har lagts upp för kommunfullmäktige, som beslutar om de åtgärder som behövs.',
    ],
    items: [{ text: 'Kommunstyrelsens bedömning', href: e.assessmentUrl }],
    action: { label: 'Öppna ärendet till kommunfullmäktige', href: e.matterUrl },
  });
}
