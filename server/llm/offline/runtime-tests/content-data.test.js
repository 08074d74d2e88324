// The bundled quiz data sets: complete, unique, and right — checked against facts written here
// independently of the data files.
import { describe, expect, it } from "vitest";
import { countries, countryInSentence, flagEmoji } from "../runtime/src/data/countries.js";
import { elements } from "../runtime/src/data/elements.js";
import { datasets } from "../runtime/src/data/index.js";
import { usStates } from "../runtime/src/data/us-states.js";
import { datasetQuestions, isCorrect } from "../runtime/src/content/questions.js";

const capitalOf = (name) => countries.find((c) => c.name === name)?.capital;

describe("countries", () => {
  it("lists the 193 UN members and the Vatican once each, with unique ISO codes", () => {
    expect(countries).toHaveLength(194);
    expect(new Set(countries.map((c) => c.name)).size).toBe(194);
    expect(new Set(countries.map((c) => c.code)).size).toBe(194);
    for (const c of countries) expect(c.code).toMatch(/^[A-Z]{2}$/);
  });

  it("has the right capitals", () => {
    const facts = {
      France: "Paris", Poland: "Warsaw", Portugal: "Lisbon", Germany: "Berlin", Spain: "Madrid", Italy: "Rome", Ireland: "Dublin",
      Netherlands: "Amsterdam", Belgium: "Brussels", Switzerland: "Bern", Austria: "Vienna", Czechia: "Prague", Slovakia: "Bratislava",
      Hungary: "Budapest", Romania: "Bucharest", Bulgaria: "Sofia", Greece: "Athens", Croatia: "Zagreb", Slovenia: "Ljubljana",
      Serbia: "Belgrade", Montenegro: "Podgorica", Albania: "Tirana", "North Macedonia": "Skopje", "Bosnia and Herzegovina": "Sarajevo",
      Ukraine: "Kyiv", Belarus: "Minsk", Moldova: "Chișinău", Lithuania: "Vilnius", Latvia: "Riga", Estonia: "Tallinn", Finland: "Helsinki",
      Sweden: "Stockholm", Norway: "Oslo", Denmark: "Copenhagen", Iceland: "Reykjavík", "United Kingdom": "London", Malta: "Valletta",
      Cyprus: "Nicosia", Luxembourg: "Luxembourg", Liechtenstein: "Vaduz", Andorra: "Andorra la Vella", Monaco: "Monaco", "San Marino": "San Marino",
      "Vatican City": "Vatican City", Russia: "Moscow", Turkey: "Ankara", Australia: "Canberra", Canada: "Ottawa", Brazil: "Brasília",
      Nigeria: "Abuja", Kazakhstan: "Astana", Myanmar: "Naypyidaw", Burundi: "Gitega", Bolivia: "Sucre", "South Africa": "Pretoria",
      "New Zealand": "Wellington", Japan: "Tokyo", China: "Beijing", India: "New Delhi", Egypt: "Cairo", Kenya: "Nairobi", Morocco: "Rabat",
      Tanzania: "Dodoma", "Côte d'Ivoire": "Yamoussoukro", Pakistan: "Islamabad", Vietnam: "Hanoi", Mexico: "Mexico City", Argentina: "Buenos Aires",
      Chile: "Santiago", Peru: "Lima", Colombia: "Bogotá", "United States": "Washington, D.C.", "Sri Lanka": "Sri Jayawardenepura Kotte",
    };
    for (const [country, capital] of Object.entries(facts)) expect(capitalOf(country), country).toBe(capital);
  });

  it("puts the 45 European states (incl. Russia, not Turkey) in Europe", () => {
    const europe = countries.filter((c) => c.continent === "Europe").map((c) => c.name);
    expect(europe).toHaveLength(45);
    expect(europe).toEqual(expect.arrayContaining(["Russia", "Cyprus", "Vatican City", "Iceland", "Ukraine"]));
    expect(europe).not.toEqual(expect.arrayContaining(["Turkey"]));
    expect(europe).not.toContain("Georgia");
  });

  it("makes flag emoji and sentences", () => {
    expect(flagEmoji("FR")).toBe("🇫🇷");
    expect(countryInSentence("Netherlands")).toBe("the Netherlands");
    expect(countryInSentence("France")).toBe("France");
  });
});

describe("US states and elements", () => {
  it("has the 50 states and their capitals", () => {
    expect(usStates).toHaveLength(50);
    const capital = (name) => usStates.find((s) => s.name === name)?.capital;
    expect(capital("Texas")).toBe("Austin");
    expect(capital("California")).toBe("Sacramento");
    expect(capital("New York")).toBe("Albany");
    expect(capital("Florida")).toBe("Tallahassee");
    expect(capital("Illinois")).toBe("Springfield");
    expect(capital("Washington")).toBe("Olympia");
    expect(capital("Pennsylvania")).toBe("Harrisburg");
    expect(capital("Nevada")).toBe("Carson City");
  });

  it("has the 118 elements in order with their symbols", () => {
    expect(elements).toHaveLength(118);
    expect(new Set(elements.map((e) => e.symbol)).size).toBe(118);
    const bySymbol = Object.fromEntries(elements.map((e) => [e.symbol, [e.number, e.name]]));
    expect(bySymbol.H).toEqual([1, "Hydrogen"]);
    expect(bySymbol.Fe).toEqual([26, "Iron"]);
    expect(bySymbol.Au).toEqual([79, "Gold"]);
    expect(bySymbol.Pb).toEqual([82, "Lead"]);
    expect(bySymbol.W).toEqual([74, "Tungsten"]);
    expect(bySymbol.Na).toEqual([11, "Sodium"]);
    expect(bySymbol.K).toEqual([19, "Potassium"]);
    expect(bySymbol.Hg).toEqual([80, "Mercury"]);
    expect(bySymbol.U).toEqual([92, "Uranium"]);
    expect(bySymbol.Og).toEqual([118, "Oganesson"]);
  });
});

describe("data sets", () => {
  it("has every id the compiler's catalog names", async () => {
    const { datasets: catalog } = await import("../catalog/content");
    for (const { id } of catalog) expect(datasets[id], id).toBeDefined();
  });

  it("asks well-formed questions whose answers are accepted", () => {
    for (const dataset of Object.values(datasets)) {
      // A continent's capitals are as many as its countries (South America has 12): a round of 10 at least.
      expect(dataset.items.length, dataset.id).toBeGreaterThan(/-america-|oceania/.test(dataset.id) ? 10 : 40);
      for (const item of dataset.items) {
        expect(item.prompt).toMatch(/\?$/);
        expect(isCorrect(item, item.answer)).toBe(true);
      }
    }
    expect(datasets["europe-capitals"].items.map((i) => i.prompt)).toContain("What is the capital of the Netherlands?");
    // Each continent's set asks about its own countries only, every one of them.
    for (const [id, continent] of [["asia-capitals", "Asia"], ["africa-capitals", "Africa"], ["north-america-capitals", "North America"], ["south-america-capitals", "South America"], ["oceania-capitals", "Oceania"]]) {
      const names = countries.filter((c) => c.continent === continent).map((c) => "What is the capital of " + countryInSentence(c.name) + "?");
      expect(datasets[id].items.map((i) => i.prompt), id).toEqual(names);
    }
    expect(datasets["asia-capitals"].items.find((i) => i.prompt === "What is the capital of Japan?")?.answer).toBe("Tokyo");
    expect(datasets["south-america-capitals"].items.find((i) => i.prompt === "What is the capital of Peru?")?.answer).toBe("Lima");
    expect(datasets["element-symbols"].items.find((i) => i.prompt === "What is the symbol for Iron?")?.answer).toBe("Fe");
  });

  it("gives four distinct options per question, one of them right, from the same kind of answer", () => {
    for (const dataset of Object.values(datasets)) {
      for (const question of datasetQuestions(dataset, 10, 1)) {
        expect(new Set(question.options).size).toBe(4);
        expect(question.options).toContain(question.answer);
        if (question.kind === "symbol") for (const option of question.options) expect(option).toMatch(/^[A-Z][a-z]?$/);
      }
    }
  });
});
