import { ENGINE_VERSIE } from '../../engine/index.ts';
import type { RouteModule } from '../route-hulp.ts';

/** The open routes that describe the API: /openapi.json for programs, /docs for people, /health for monitors. */
export const registreerDocumentatieRoutes: RouteModule = (app) => {
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'reintegratie API',
      version: ENGINE_VERSIE,
      description:
        'Re-integratie onder de Participatiewet: regels, inwoners, beschikkingen, budgetten, termijnen.',
    },
  });
  app.get('/docs', (c) => c.html(docsPagina()));
};

/**
 * A readable API page that renders /openapi.json in the browser with no external assets: the
 * machine has no network beyond the package registry, and a CDN-hosted viewer would not load.
 */
export function docsPagina(): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>reintegratie API</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.1rem;margin-top:2rem;text-transform:capitalize}
.op{border:1px solid #ccd;border-radius:6px;margin:.5rem 0;padding:.5rem .8rem}
.m{display:inline-block;min-width:4.5rem;font-weight:700;font-family:monospace}.get{color:#05a}.post{color:#070}.put{color:#a60}.patch{color:#a0a}
code{background:#f3f3f7;padding:0 .3rem}details pre{background:#f6f6f8;padding:.6rem;overflow:auto;font-size:.8rem}</style></head>
<body><h1>reintegratie API</h1><p>Aanmelden: <code>POST /auth/login</code>, daarna <code>Authorization: Bearer &lt;token&gt;</code>.
Geef bij het raadplegen van persoonsgegevens het doel mee in <code>X-Doel</code>. Elke POST accepteert <code>Idempotency-Key</code>.
De machineleesbare beschrijving staat op <a href="/openapi.json">/openapi.json</a>.</p><div id="api">Laden…</div>
<script>
fetch('/openapi.json').then(r=>r.json()).then(doc=>{
  const perTag={};
  for(const [pad,ops] of Object.entries(doc.paths)) for(const [m,op] of Object.entries(ops)){
    const tag=(op.tags&&op.tags[0])||'overig';(perTag[tag]=perTag[tag]||[]).push({pad,m,op});}
  const el=document.getElementById('api');el.textContent='';
  for(const [tag,ops] of Object.entries(perTag)){
    const h=document.createElement('h2');h.textContent=tag;el.appendChild(h);
    for(const {pad,m,op} of ops){
      const d=document.createElement('div');d.className='op';
      const s=document.createElement('span');s.className='m '+m;s.textContent=m.toUpperCase();d.appendChild(s);
      const c=document.createElement('code');c.textContent=pad;d.appendChild(c);
      const p=document.createElement('p');p.textContent=op.summary||'';d.appendChild(p);
      const body=op.requestBody&&op.requestBody.content&&op.requestBody.content['application/json'];
      if(body){const det=document.createElement('details');const sum=document.createElement('summary');sum.textContent='verzoek';
        const pre=document.createElement('pre');pre.textContent=JSON.stringify(body.schema,null,2);det.append(sum,pre);d.appendChild(det);}
      el.appendChild(d);}}
});
</script></body></html>`;
}
