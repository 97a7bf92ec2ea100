import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { ActorScope } from './actor.ts';

/**
 * Data scope as a WHERE expression, applied inside repository queries so no route can forget it.
 * `region` matches region-code prefixes (province 44 → every 44xxxx district), `outlet` the
 * actor's outlet, `own` the rows the actor is personally responsible for.
 */
export interface ScopeColumns {
  region?: string;
  outlet?: string;
  own?: string[];
}

export function scopeFilter<DB, TB extends keyof DB>(
  scope: ActorScope,
  cols: ScopeColumns,
): (eb: ExpressionBuilder<DB, TB>) => Expression<SqlBool> {
  return (eb) => {
    const ref = (c: string) => sql.ref(c);
    switch (scope.level) {
      case 'all':
        return sql<boolean>`1 = 1`;
      case 'region': {
        if (!cols.region || !scope.regionCodes.length) return sql<boolean>`1 = 0`;
        const parts = scope.regionCodes.map(
          (code) => sql<boolean>`${ref(cols.region!)} like ${code.replace(/0+$/, '') + '%'}`,
        );
        return eb.or(parts);
      }
      case 'outlet':
        if (!cols.outlet || !scope.outletId) return sql<boolean>`1 = 0`;
        return sql<boolean>`${ref(cols.outlet)} = ${scope.outletId}`;
      case 'own': {
        if (!cols.own?.length) return sql<boolean>`1 = 0`;
        return eb.or(cols.own.map((c) => sql<boolean>`${ref(c)} = ${scope.userId}`));
      }
    }
  };
}
