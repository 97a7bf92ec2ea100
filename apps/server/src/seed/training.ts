import { PERMISSIONS, type CourseInput, type TrainingCourse } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { technicianRoster } from '../modules/network/index.ts';
import { seedModules } from './derive.ts';
import { DAY } from './time.ts';

const single = (id: string, text: string, options: string[], right: number) => ({
  id,
  text,
  kind: 'single' as const,
  options: options.map((t, i) => ({ id: String.fromCharCode(97 + i), text: t })),
  correct: [String.fromCharCode(97 + right)],
});
const multiple = (id: string, text: string, options: string[], right: number[]) => ({
  id,
  text,
  kind: 'multiple' as const,
  options: options.map((t, i) => ({ id: String.fromCharCode(97 + i), text: t })),
  correct: right.map((r) => String.fromCharCode(97 + r)),
});

/** The two demo courses (issue #17): air-conditioner installation and fridge cooling faults. */
const COURSES: CourseInput[] = [
  {
    title: '空调安装规范',
    description: '分体式空调的安装位置、管路与电气要求、抽真空与试机，依据 GB 17790 与企业安装规范。',
    categoryCode: 'aircon',
    certificationName: '空调安装上岗证',
    validityMonths: 24,
    passMark: null,
    lessons: [
      {
        title: '安装前勘查',
        body: '核对机型与电源容量（专用线路、可靠接地）；室外机须装在承重墙或专用支架上，四周留足散热空间；高空作业系好安全带。',
        fileId: null,
        articleId: null,
      },
      {
        title: '管路连接与抽真空',
        body: '连接管弯曲半径不小于管径 3 倍，喇叭口无裂纹；抽真空不少于 15 分钟，保压 5 分钟无回升后再开阀。',
        fileId: null,
        articleId: null,
      },
      {
        title: '试机与交付',
        body: '制冷模式运行 15 分钟，出风温差 ≥ 8 ℃；检查排水畅通、无异响；向用户讲解使用与保养并请其签字确认。',
        fileId: null,
        articleId: null,
      },
    ],
    questions: [
      single('q1', '室外机应安装在哪里？', ['承重墙或专用支架', '任意外墙', '窗台上'], 0),
      single('q2', '抽真空至少多长时间？', ['5 分钟', '15 分钟', '不需要'], 1),
      multiple('q3', '试机时要检查哪些？', ['出风温差', '排水是否畅通', '有无异响', '遥控器颜色'], [0, 1, 2]),
      single('q4', '电源有什么要求？', ['可与其他电器共用插座', '专用线路并可靠接地'], 1),
      single('q5', '高空作业必须？', ['系好安全带', '两人聊天'], 0),
    ],
  },
  {
    title: '冰箱制冷故障诊断',
    description: '冰箱不制冷、制冷差、结霜异常的诊断顺序：先问、再看、后测，定位压缩机、系统泄漏与温控故障。',
    categoryCode: 'fridge',
    certificationName: null,
    validityMonths: 12,
    passMark: 80,
    lessons: [
      {
        title: '问诊与外观检查',
        body: '询问故障出现时间、门封是否关严、摆放位置与环境温度；查看门封条、冷凝器散热与电源电压。',
        fileId: null,
        articleId: null,
      },
      {
        title: '系统测量',
        body: '测压缩机运行电流与启动电容；低压侧压力偏低且结霜不全多为泄漏或堵塞；温控器与传感器阻值对照表判断好坏。',
        fileId: null,
        articleId: null,
      },
    ],
    questions: [
      single('q1', '诊断的顺序是？', ['先测后问', '先问、再看、后测'], 1),
      multiple('q2', '泄漏的常见表现？', ['低压偏低', '结霜不全', '压缩机电流偏大'], [0, 1]),
      single('q3', '门封不严会导致？', ['制冷差、结霜多', '噪音变小'], 0),
    ],
  },
];

const RIGHT: Record<string, string[]>[] = COURSES.map((c) =>
  Object.fromEntries(c.questions.map((q) => [q.id, q.correct])),
);
/** The first `n` questions answered wrong (the second option where the first is right, else the first). */
const wrong = (i: number, n: number) => ({
  ...RIGHT[i]!,
  ...Object.fromEntries(
    COURSES[i]!.questions.slice(0, n).map((q) => [q.id, [q.correct[0] === 'a' ? 'b' : 'a']]),
  ),
});

/**
 * Demo training through the training services: the two courses published, the installation
 * course assigned to three outlets and the diagnosis course to a fourth (already past due) and to
 * the technician role; technicians of the first outlets read the lessons and take the quiz (most
 * pass, one fails twice), so 完成情况 has figures and certifications appear on their profiles.
 * Technicians with a login are left to take the courses themselves.
 */
export async function seedTraining(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
): Promise<number> {
  const clock = new ManualClock(new Date(anchor.getTime() - 30 * DAY));
  const { modules } = seedModules(h, clock);
  const { courses, learning } = modules.training;
  const actor = systemActor(PERMISSIONS);
  const date = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const published: TrainingCourse[] = [];
  for (const input of COURSES) {
    const c = await courses.create(actor, input);
    published.push(await courses.publish(actor, c.id, c.version));
  }
  const roster = (await technicianRoster(h.db)).filter((t) => t.active && t.outletId);
  const outlets = [...new Set(roster.map((t) => t.outletId!))].sort().slice(0, 4);
  if (outlets.length < 4) return 0;
  const [install, diagnose] = published as [TrainingCourse, TrainingCourse];
  const due = (days: number) => date(new Date(anchor.getTime() + days * DAY));
  for (const o of outlets.slice(0, 3))
    await courses.assign(actor, {
      seriesId: install.seriesId,
      target: { kind: 'outlet', outletId: o },
      dueOn: due(14),
    });
  await courses.assign(actor, {
    seriesId: diagnose.seriesId,
    target: { kind: 'outlet', outletId: outlets[3]! },
    dueOn: due(-5),
  });
  await courses.assign(actor, {
    seriesId: diagnose.seriesId,
    target: { kind: 'role', role: 'technician' },
    dueOn: due(21),
  });

  let passes = 0;
  const take = async (techId: string, i: number, answers: Record<string, string[]>[]) => {
    const course = published[i]!;
    for (const l of course.lessons) await learning.markRead(actor, course.id, l.no, techId);
    for (const a of answers) {
      const attempt = await learning.start(actor, course.id, techId);
      clock.set(new Date(clock.now().getTime() + 20 * 60_000));
      const r = await learning.submit(actor, attempt.id, { answers: a }, techId);
      if (r.passed) passes++;
    }
  };
  const learners = (outletId: string) => roster.filter((t) => t.outletId === outletId && !t.userId);
  clock.set(new Date(anchor.getTime() - 10 * DAY));
  for (const t of learners(outlets[0]!)) await take(t.id, 0, [RIGHT[0]!]);
  const second = learners(outlets[1]!);
  for (const [k, t] of second.entries())
    await take(
      t.id,
      0,
      k === second.length - 1 ? [wrong(0, 2), wrong(0, 3)] : [k % 2 ? wrong(0, 1) : RIGHT[0]!],
    );
  const fourth = learners(outlets[3]!);
  for (const t of fourth.slice(0, 1)) await take(t.id, 1, [wrong(1, 1), RIGHT[1]!]);
  return passes;
}
