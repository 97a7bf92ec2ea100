import Database from 'better-sqlite3';
import pg from 'pg';
const src = new Database('/tmp/perfx/q.sqlite', { readonly: true });
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query('drop database if exists anxin_perf_explain');
await admin.query('create database anxin_perf_explain');
await admin.end();
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/anxin_perf_explain' });
await c.connect();
const cols = ['id','number','type','status','channel','urgency','customer_id','product_id','district_code','outlet_id','technician_id','appointment_start','appointment_end','sla_state','sla_due_at','escalation_tier','created_at','version','fault_description','address','contact_name','contact_phone'];
await c.query(`create table work_orders (${cols.map((k) => `${k} ${k === 'escalation_tier' || k === 'version' ? 'integer' : 'text'}`).join(', ')}, primary key (id))`);
const rows = src.prepare(`select ${cols.join(',')} from work_orders`).raw().all();
const mult = Number(process.argv[2] ?? 1);
for (let m = 0; m < mult; m++)
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => (m ? [r[0] + '-' + m, ...r.slice(1)] : r));
    const params = chunk.flat();
    const ph = chunk.map((_, j) => `(${cols.map((_, k) => `$${j * cols.length + k + 1}`).join(',')})`).join(',');
    await c.query(`insert into work_orders values ${ph}`, params);
  }
await c.query('create index work_orders_status_sla_idx on work_orders (status, sla_due_at, id)');
await c.query('create index work_orders_sla_due_id_idx on work_orders (sla_due_at, id)');
await c.query('create index work_orders_district_idx on work_orders (district_code, created_at)');
await c.query('create index work_orders_type_created_idx on work_orders (type, created_at, id)');
await c.query('analyze work_orders');
const city = (await c.query("select substr(district_code,1,4) c from work_orders where status='awaiting_dispatch' group by 1 order by count(*) desc limit 1")).rows[0].c;
const next = String(Number(city) + 1).padStart(4, '0');
const sel = cols.slice(0, 18).join(', ');
const show = async (label, q) => {
  const r = await c.query('explain (analyze, buffers) ' + q);
  console.log('--', label); for (const x of r.rows) console.log('  ', x['QUERY PLAN']);
};
await show('old', `select * from work_orders where status in ('awaiting_dispatch','outlet_rejected') and type = 'repair' and district_code like '${city}%' and sla_due_at is not null order by sla_due_at, id limit 51`);
await show('range, old indexes', `select ${sel} from work_orders where status in ('awaiting_dispatch','outlet_rejected') and type = 'repair' and district_code >= '${city}' and district_code < '${next}' and sla_due_at is not null order by sla_due_at, id limit 51`);
await c.query('create index work_orders_status_district_sla_idx on work_orders (status, district_code, sla_due_at, id)');
await c.query('analyze work_orders');
await show('range, new index', `select ${sel} from work_orders where status in ('awaiting_dispatch','outlet_rejected') and type = 'repair' and district_code >= '${city}' and district_code < '${next}' and sla_due_at is not null order by sla_due_at, id limit 51`);
await c.end();
