'use strict';
const { getAccessToken } = require('./token');

const API = 'https://analytics.adobe.io/api';

async function listReportSuites(companyId) {
  const token = await getAccessToken();
  const res = await fetch(`${API}/${companyId}/reportsuites/collections/suites?limit=50`, {
    headers: {
      Authorization: `Bearer ${token}`,
      'x-api-key': process.env.ADOBE_CLIENT_ID,
      'x-proxy-global-company-id': companyId,
    },
  });
  if (!res.ok) throw new Error(`Analytics API answered ${res.status}`);
  return (await res.json()).content;
}

module.exports = { listReportSuites };
