// Axis styling shared by the charts: ticks and grid in currentColor so they follow the theme.
export const axisTick = { fill: "currentColor", fontSize: 12 } as const;
export const gridStroke = { stroke: "currentColor", strokeOpacity: 0.15 } as const;
export const hoverCursor = { fill: "currentColor", fillOpacity: 0.08 } as const;
// `responsive` sizes the SVG from its parent (the card's fixed-height box) with plain CSS.
export const fillParent = { width: "100%", height: "100%" } as const;
