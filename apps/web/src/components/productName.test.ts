import { describe, expect, it } from 'vitest';
import { productLabel, productName } from './productName.ts';

describe('product names', () => {
  it('say the brand once', () => {
    expect(productName({ brand: '安心', modelName: '安心 1.5匹 变频挂机' })).toBe('安心 1.5匹 变频挂机');
    expect(productName({ brand: '安心', modelName: '1.5匹 变频挂机' })).toBe('安心 1.5匹 变频挂机');
    expect(productLabel({ brand: '安心', modelName: '安心 1.5匹 变频挂机' })).toBe('安心 1.5匹 变频挂机');
  });

  it('fall back to the brand when the model is unknown', () => {
    expect(productLabel({ brand: '安心', modelName: null })).toBe('安心');
  });
});
