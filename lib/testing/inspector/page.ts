import type { EmulatorState } from '../state';
import {
  certifications,
  cvsBarcodes,
  identityVerifications,
  requestLog,
  smsInbox,
  webhookDeliveries,
} from './sections';

/**
 * `GET /`: the inspector page. Plain server-rendered HTML; the few lines of script refresh the content every
 * two seconds and send the buttons' POSTs to the control API, then refresh at once. No build, no assets.
 */
export function renderInspector(state: EmulatorState): string {
  const main = [
    smsInbox(state),
    cvsBarcodes(state),
    webhookDeliveries(state),
    identityVerifications(state),
    certifications(state),
    requestLog(state),
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PortOne emulator</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
header{background:#1d2330;color:#fff;padding:10px 14px}header h1{font-size:17px;margin:0}
header p{margin:2px 0 0;font-size:12px;color:#b9c0cf}
main{padding:8px;max-width:1100px;margin:auto}
section{background:#fff;border-radius:8px;margin:8px 0;padding:8px 10px;box-shadow:0 1px 2px #0002}
h2{font-size:15px;margin:2px 0 6px}h2 small{color:#7a8394;font-weight:normal}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:5px 6px;border-bottom:1px solid #e7e9ee;white-space:nowrap;font-size:13px}
th{color:#7a8394;font-weight:600}.otp{font:600 15px ui-monospace,monospace;letter-spacing:1px}
.id{font-family:ui-monospace,monospace;font-size:12px}.num{text-align:right}.empty{color:#7a8394;margin:4px 0}
.badge{padding:1px 6px;border-radius:9px;font-size:11px;font-weight:600;background:#e7e9ee}
.verified,.certified,.paid{background:#d5f5df;color:#11612d}.failed,.expired,.cancelled{background:#fde2e1;color:#8f1d18}
.ready,.pending,.retrying{background:#fff1c9;color:#7a5600}.delivered{background:#d5f5df;color:#11612d}
.given-up,.off{background:#fde2e1;color:#8f1d18}ol.attempts{margin:0;padding-left:0;list-style:none}
button{font:inherit;padding:4px 10px;border-radius:6px;border:1px solid #1d2330;background:#fff;cursor:pointer}
button.pay{background:#1d2330;color:#fff}
</style></head>
<body><header><h1>PortOne emulator</h1><p>Refreshes every 2 s. Times in UTC (the emulator's clock), with the date when not today. Names and phone numbers are masked.</p></header>
<main id="content">
${main}
</main>
<script>
async function refresh(){const html=await (await fetch(location.pathname,{cache:'no-store'})).text();
document.getElementById('content').innerHTML=new DOMParser().parseFromString(html,'text/html').getElementById('content').innerHTML;}
document.addEventListener('click',async event=>{const url=event.target.closest('button[data-post]')?.dataset.post;
if(!url)return;event.target.disabled=true;await fetch(url,{method:'POST'});await refresh();});
setInterval(()=>refresh().catch(()=>{}),2000);
</script>
</body></html>
`;
}
