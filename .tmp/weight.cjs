const m=require("../web/dist/.vite/manifest.json");
const fs=require("fs"),zlib=require("zlib");
const entry=Object.keys(m).find(k=>m[k].isEntry);
function walk(keys,set){for(const k of keys){if(set.has(k))continue;set.add(k);walk(m[k].imports||[],set);}return set;}
const gz=f=>zlib.gzipSync(fs.readFileSync("web/dist/"+f)).length;
const base=walk([entry],new Set());
const login=walk(["src/scenes/Login/LoginScene.tsx"],new Set(base));
const field=walk(["src/scenes/Field/FieldScene.tsx"],new Set(base));
const sum=s=>[...s].reduce((a,k)=>a+gz(m[k].file),0);
console.log("entry",(sum(base)/1024).toFixed(1),"login",(sum(login)/1024).toFixed(1),"field",(sum(field)/1024).toFixed(1));
if(process.argv[2]) for (const k of [...field].sort((a,b)=>gz(m[b].file)-gz(m[a].file))) console.log((gz(m[k].file)/1024).toFixed(1), k);
