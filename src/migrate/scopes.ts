// Metascope -> OAuth scope table from ../shared/docs/adobe-auth.md. Adobe publishes no such table:
// scopes come from the credential in the Developer Console; these are the sets Adobe's own
// sources confirm, then ones seen only in third-party code, marked as such.
import { listItems } from '../text.js';
import { linearJs } from './linear-js.js';
import type { ScopeChoice, ScopeConfidence, ScopeResolver } from './types.js';

interface Product {
  name: string;
  metascopes: string[];
  scopes?: string;
  confidence: ScopeConfidence;
}

export const PRODUCTS: Product[] = [
  {
    name: 'I/O Management API',
    metascopes: ['ent_adobeio_sdk'],
    scopes: 'AdobeID,openid,read_organizations,additional_info.projectedProductContext,additional_info.roles,adobeio_api,read_client_secret,manage_client_secrets',
    confidence: 'confirmed',
  },
  { name: 'Experience Platform', metascopes: ['ent_dataservices_sdk'], scopes: 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext', confidence: 'confirmed' },
  { name: 'User Management', metascopes: ['ent_user_sdk'], scopes: 'openid,AdobeID,user_management_sdk', confidence: 'confirmed' },
  { name: 'Cloud Manager', metascopes: ['ent_cloudmgr_sdk'], scopes: 'openid,AdobeID,read_organizations,additional_info.projectedProductContext,read_pc.dma_aem_ams', confidence: 'confirmed' },
  { name: 'Target', metascopes: ['ent_marketing_sdk'], scopes: 'openid,AdobeID,target_sdk,additional_info.projectedProductContext,read_organizations,additional_info.roles', confidence: 'third-party' },
  { name: 'Campaign', metascopes: ['ent_campaign_sdk'], scopes: 'openid,AdobeID,campaign_sdk,additional_info.projectedProductContext', confidence: 'third-party' },
  { name: 'PDF Services', metascopes: ['ent_documentcloud_sdk'], scopes: 'openid,AdobeID,DCAPI', confidence: 'third-party' },
  { name: 'Analytics', metascopes: ['ent_analytics_bulk_ingest_sdk'], confidence: 'unknown' },
  { name: 'Customer Journey Analytics', metascopes: ['ent_cja_sdk'], confidence: 'unknown' },
  { name: 'I/O Events', metascopes: ['event_receiver_api'], confidence: 'unknown' },
  { name: 'Adobe Stock', metascopes: ['ent_stocksearch_sdk'], confidence: 'unknown' },
  { name: 'Photoshop / Lightroom', metascopes: ['ent_default_sdk', 'ent_ccas_sdk'], confidence: 'unknown' },
  { name: 'Launch / Reactor', metascopes: ['ent_reactor_sdk', 'ent_reactor_admin_sdk', 'ent_reactor_developer_sdk', 'ent_reactor_extension_developer_sdk'], confidence: 'unknown' },
  { name: 'Privacy Service', metascopes: ['ent_gdpr_sdk'], confidence: 'unknown' },
  { name: 'Smart Content', metascopes: ['ent_smartcontent_sdk'], confidence: 'unknown' },
  { name: 'Auto Crop / Auto Tag', metascopes: ['ent_sensei_image_sdk'], confidence: 'unknown' },
  { name: 'Brand Portal', metascopes: ['ent_brand_portal_sdk'], confidence: 'unknown' },
  { name: 'Places', metascopes: ['ent_places_sdk'], confidence: 'unknown' },
];

/** Stands where a scope list must be filled in by hand; the scanner's rules never match it. */
export const SCOPES_PLACEHOLDER = 'REPLACE_WITH_SCOPES_FROM_DEVELOPER_CONSOLE';

/** The URL part of a metascope (`https://ims-na1.adobelogin.com/s/`), up to its name. */
const METASCOPE_URL = linearJs(/^.*\/s\//);

const RANK: Record<ScopeConfidence, number> = { confirmed: 2, 'third-party': 1, unknown: 0 };

/** Normalises a scope list: comma-separated, no spaces, no duplicates. */
export function normalizeScopes(value: string): string {
  return [...new Set(listItems(value))].join(',');
}

/** Scopes from the CLI/action input win; else the table; else a placeholder and a manual step. */
export function scopeResolver(input?: string): ScopeResolver {
  const given = input ? normalizeScopes(input) : '';
  return (metascopes) => {
    const names = metascopes.map((m) => METASCOPE_URL.replace(m, '').trim()).filter(Boolean);
    const products = PRODUCTS.filter((p) => p.metascopes.some((m) => names.includes(m)));
    const productNames = products.map((p) => p.name);
    if (given) return { value: given, source: 'input', confidence: 'confirmed', products: productNames };
    const known = products.filter((p) => p.scopes);
    if (products.length && known.length === products.length) {
      const confidence = known.reduce<ScopeConfidence>((c, p) => (RANK[p.confidence] < RANK[c] ? p.confidence : c), 'confirmed');
      return { value: normalizeScopes(known.map((p) => p.scopes).join(',')), source: 'table', confidence, products: productNames };
    }
    return { value: SCOPES_PLACEHOLDER, source: 'placeholder', confidence: 'unknown', products: productNames };
  };
}

export function describeScopes(choice: ScopeChoice): string {
  const what = choice.products.length ? choice.products.join(', ') : 'the APIs of this credential';
  switch (choice.source) {
    case 'input':
      return `scopes given with --scopes / the scopes input (${what})`;
    case 'console':
      return `scopes read from the credential in the Adobe Developer Console (${what})`;
    case 'table':
      return `scopes for ${what} from Adobe's published scope sets (${choice.confidence === 'confirmed' ? 'confirmed by Adobe sources' : 'seen in third-party code: check them in the Console'})`;
    default:
      return `scopes for ${what} are not published: copy them from the OAuth Server-to-Server credential in the Adobe Developer Console and replace ${SCOPES_PLACEHOLDER}`;
  }
}
