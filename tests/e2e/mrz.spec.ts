/**
 * The agent reads the citizen's ID card (MRZ) into the residence certificate: a misread
 * card is refused with messages that say where, nothing is filled until the agent
 * confirms, the filled answers stay editable, and they reach the server.
 */
import { expect, test, type Page } from '@playwright/test';
import { finishResidenceCertificate, switchLanguage, openKioskOnline, startResidenceCertificate, submitAndReadReceipt } from './support/kiosk.ts';
import { storedSubmissions } from './support/server-rows.ts';

// A Moroccan card valid until 16 May 2034 (check digits computed by hand, see tests/unit/core/identity).
const CARD = ['I<MARJB123456<7<<<<<<<<<<<<<<<', '8405173F3405167MAR<<<<<<<<<<<6', 'AIT<BRAHIM<<AICHA<<<<<<<<<<<<<'];
// The same card, expired on 16 May 2024.
const EXPIRED = ['I<MARJB123456<7<<<<<<<<<<<<<<<', '8405173F2405160MAR<<<<<<<<<<<8', 'AIT<BRAHIM<<AICHA<<<<<<<<<<<<<'];

test('the MRZ panel refuses a misread card, then prefills name, CNIE number and birth date once the agent confirms', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await startResidenceCertificate(page);

  const toggle = page.getByRole('button', { name: 'Lire la carte d’identité (MRZ)' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const input = page.getByLabel('Les trois lignes de la MRZ');

  // Misread: birth-date check digit 4 instead of 3, and the letter O for 0 in the expiry.
  await input.fill([CARD[0], '8405174F34O5167MAR<<<<<<<<<<<6', CARD[2]].join('\n'));
  await page.getByRole('button', { name: 'Vérifier' }).click();
  const errors = page.getByTestId('mrz-errors').locator('li');
  await expect(errors).toHaveText([
    'Date de naissance : le chiffre de contrôle (ligne 2, caractère 7) est 4, mais la date donne 3. Vérifiez la date et ce chiffre.',
    'Date d’expiration (ligne 2, caractère 11) : « O » est sans doute « 0 ». Vérifiez sur la carte et corrigez.',
  ]);
  await expect(page.getByRole('button', { name: 'Remplir le formulaire' })).toHaveCount(0);
  await expect(page.getByLabel('Prénom et nom')).toHaveValue('');

  // The same messages in Arabic when the citizen's language changes.
  await switchLanguage(page, 'ar');
  await expect(errors.nth(0)).toHaveText('تاريخ الازدياد: رقم المراقبة (السطر 2، الحرف 7) هو 4، لكن التاريخ يعطي 3. تحقق من التاريخ ومن رقم المراقبة.');
  await switchLanguage(page, 'fr');

  // Pasted as it often comes: lower case, with spaces and blank lines around.
  await input.fill(`\n  ${CARD[0]!.toLowerCase()}  \n${CARD[1]}\n\n ${CARD[2]!.toLowerCase()} \n`);
  await page.getByRole('button', { name: 'Vérifier' }).click();
  const preview = page.getByTestId('mrz-preview');
  await expect(preview).toContainText('MRZ vérifiée : tous les chiffres de contrôle sont justes.');
  await expect(preview.locator('dd')).toHaveText(['AICHA AIT BRAHIM', 'JB123456', '17 mai 1984']);
  await expect(page.getByTestId('mrz-expired')).toHaveCount(0);
  await expect(page.getByLabel('Prénom et nom')).toHaveValue(''); // not before the agent confirms

  await page.getByRole('button', { name: 'Remplir le formulaire' }).click();
  await expect(page.getByLabel('Prénom et nom')).toHaveValue('AICHA AIT BRAHIM');
  await expect(page.getByLabel('Numéro de la CNIE')).toHaveValue('JB123456');
  await expect(page.getByLabel('Date de naissance')).toHaveValue('1984-05-17');
  await expect(page.getByRole('status').filter({ hasText: 'Rempli depuis la carte' })).toContainText('Prénom et nom, Numéro de la CNIE, Date de naissance');
  await expect(input).toHaveCount(0); // the panel closed and dropped the typed lines

  // The agent can still correct what the card gave.
  await page.getByLabel('Prénom et nom').fill('Aicha Ait Brahim');
  await finishResidenceCertificate(page);
  const { id } = await submitAndReadReceipt(page);

  await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', 'delivered');
  const rows = await storedSubmissions(id);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.answers).toMatchObject({ fullName: 'Aicha Ait Brahim', cnie: 'JB123456', birthDate: '1984-05-17' });
  await context.close();
});

test('an expired card is flagged before the agent fills the form with it', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await startResidenceCertificate(page);
  await page.getByRole('button', { name: 'Lire la carte d’identité (MRZ)' }).click();
  await page.getByLabel('Les trois lignes de la MRZ').fill(EXPIRED.join('\n'));
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await expect(page.getByTestId('mrz-expired')).toHaveText('Cette carte a expiré le 16 mai 2024.');
  await expect(page.getByTestId('mrz-expired')).toHaveAttribute('role', 'alert');
  // Still the agent's decision: the card identifies the person even if expired.
  await page.getByRole('button', { name: 'Remplir le formulaire' }).click();
  await expect(page.getByLabel('Numéro de la CNIE')).toHaveValue('JB123456');
  await context.close();
});
