import Database from 'better-sqlite3';
const db = new Database(process.argv[2]);
const cols = 'id, number, type, status, channel, urgency, customer_id, product_id, district_code, outlet_id, technician_id, appointment_start, appointment_end, sla_state, sla_due_at, escalation_tier, created_at, version';
const city = db.prepare("select substr(district_code,1,4) c from work_orders where status='awaiting_dispatch' group by c order by count(*) desc limit 1").get().c;
const next = String(Number(city) + 1).padStart(4, '0');
const qs = {
  oldLike: `select * from work_orders where status in ('awaiting_dispatch','outlet_rejected') and type = 'repair' and district_code like '${city}%' and sla_due_at is not null order by sla_due_at, id limit 51`,
  rangeOldIdx: `select ${cols} from work_orders indexed by work_orders_status_sla_idx where status in ('awaiting_dispatch','outlet_rejected') and type = 'repair' and district_code >= '${city}' and district_code < '${next}' and sla_due_at is not null order by sla_due_at, id limit 51`,
  rangeNewIdx: `select ${cols} from work_orders where status in ('awaiting_dispatch','outlet_rejected') and type = 'repair' and district_code >= '${city}' and district_code < '${next}' and sla_due_at is not null order by sla_due_at, id limit 51`,
};
for (let round = 0; round < 3; round++) for (const [k, q] of Object.entries(qs)) {
  const st = db.prepare(q); st.all();
  const t0 = process.cpuUsage(); let n = 0;
  for (let i = 0; i < 200; i++) n = st.all().length;
  const u = process.cpuUsage(t0);
  console.log(round, k.padEnd(12), 'rows', n, 'cpu ms/query', ((u.user + u.system) / 1000 / 200).toFixed(3));
}
