'use strict';
// Access token for the Adobe Analytics 2.0 API (Service Account integration).
const fs = require('fs');
const path = require('path');
const auth = require('@adobe/jwt-auth');

let cached = null;

function loadConfig(env = process.env) {
  return {
    clientId: env.ADOBE_CLIENT_ID,
    clientSecret: env.ADOBE_CLIENT_SECRET,
    technicalAccountId: env.ADOBE_TECHNICAL_ACCOUNT_ID,
    orgId: env.ADOBE_ORG_ID,
    privateKey: fs.readFileSync(env.ADOBE_PRIVATE_KEY_PATH || path.join(__dirname, '../../keys/private.key'), 'utf8'),
    metaScopes: (env.ADOBE_METASCOPES || 'ent_analytics_bulk_ingest_sdk').split(','),
    ims: env.ADOBE_IMS_HOST || 'https://ims-na1.adobelogin.com',
  };
}

async function getAccessToken() {
  if (cached && cached.expiresAt > Date.now() + 60000) return cached.token;
  const { access_token, expires_in } = await auth(loadConfig());
  // IMS answers expires_in in milliseconds for JWT exchanges.
  cached = { token: access_token, expiresAt: Date.now() + expires_in };
  return access_token;
}

module.exports = { getAccessToken, loadConfig };
