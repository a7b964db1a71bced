// Times one full inventory with systeminformation: the six calls the issue names, run concurrently as a user would.
// Usage: node si-inventory.js <runs>  -> prints one JSON line {tool, runs, firstMs, medianMs, minMs}
'use strict';
const si = require('systeminformation');

async function once() {
  const start = process.hrtime.bigint();
  await Promise.all([si.cpu(), si.mem(), si.graphics(), si.diskLayout(), si.osInfo(), si.networkInterfaces()]);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

(async () => {
  const runs = Number(process.argv[2] || 10);
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await once());
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(JSON.stringify({ tool: 'systeminformation', runs, firstMs: times[0], medianMs: sorted[Math.floor(runs / 2)], minMs: sorted[0] }));
})();
