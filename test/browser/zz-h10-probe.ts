import { chromium } from 'playwright-core';
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const ctx = await b.newContext({ baseURL: 'http://127.0.0.1:3111', locale: 'sv-SE' });
  const page = await ctx.newPage();
  page.on('console', (m) => console.log('CONSOLE', m.text()));
  await page.goto('/logga-in');
  await page.screenshot({ path: '/tmp/h10-probe0.png' });
  await page.getByLabel('Användarnamn').fill('admin');
  await page.getByLabel('Lösenord', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
  await page.goto('/admin');
  const panel = page.getByRole('region', { name: 'Gränser för väsentlig avvikelse' });
  await panel.getByLabel('Nämnd').selectOption({ label: 'Bildningsnämnden' });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/h10-probe.png', fullPage: true });
  await b.close();
})();
