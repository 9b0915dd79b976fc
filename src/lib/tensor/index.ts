// The tensor core: pure tfjs ops mirroring the official PyTorch code. No DOM, Svelte or d3 here.
export * from './check';
export * from './snapshot';
export * from './window';
export * from './gelu';
export * from './layer-norm';
export * from './fold';
export * from './search-transfer';
export * from './restormer';
export * from './nafnet';
export * from './roll';
export * from './shift';
export * from './relative-position';
export * from './window-attention';
export * from './swin-block';
export * from './patch';
export * from './heads-vs-conv';
export * from './attention-cost';
