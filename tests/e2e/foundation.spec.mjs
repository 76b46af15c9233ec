import { test, expect } from '@playwright/test';

test('the release build shows the article and its title', async ({ page }, info) => {
  await page.goto('/index.html');
  const article = page.locator('article');
  await expect(article).toContainText(
    'Relations between Russia and Armenia are going through a challenging period, largely due to increased Western pressure on Yerevan.'
  );
  // One paragraph per line of the shipped file.
  await expect(page.locator('article .doc-text p')).toHaveCount(9);
  await expect(page.locator('.reader-title')).toContainText('Russian MFA');
  await expect(page.getByText('Saved locally')).toBeVisible();
  await page.screenshot({ path: info.outputPath('article.png'), fullPage: true });
});
