const { benchApiGraphQL, formatApiGraphQL } = await import("../bench/api-graphql.ts");
console.log(formatApiGraphQL(await benchApiGraphQL({ requests: 60, concurrency: 4 })));
process.exit(0);
