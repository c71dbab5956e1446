'use strict';
const { listReportSuites } = require('./adobe/analytics');

async function main() {
  const suites = await listReportSuites(process.env.ADOBE_COMPANY_ID);
  for (const s of suites) console.log(`${s.rsid}\t${s.name}`);
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
