/** The catalogue's demo categories the knowledge filters offer (labels in knowledge.category). */
export const CATEGORY_CODES = ['aircon', 'washer', 'fridge', 'furniture', 'sewing_industrial'] as const;
