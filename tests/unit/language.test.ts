import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../lib/language';

const PAGES: Record<string, string> = {
  fra: "Le conseil municipal a approuvé mardi le nouveau budget, après un débat qui a duré presque toute la soirée. Les élus se sont disputés sur le coût des réparations des routes, de la bibliothèque et d'une nouvelle ligne de bus vers l'hôpital. Le maire a déclaré que le plan équilibre les besoins des habitants avec les limites des revenus de la ville.",
  deu: 'Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, nach einer Debatte, die fast den ganzen Abend dauerte. Die Abgeordneten stritten über die Kosten für Straßenreparaturen, die Bibliothek und eine neue Buslinie zum Krankenhaus. Der Bürgermeister sagte, der Plan bringe die Bedürfnisse der Einwohner mit den Grenzen der Einnahmen in Einklang.',
  spa: 'El ayuntamiento aprobó el martes el nuevo presupuesto, tras un debate que duró casi toda la noche. Los concejales discutieron sobre el coste de las reparaciones de las calles, la biblioteca y una nueva línea de autobús hacia el hospital. El alcalde dijo que el plan equilibra las necesidades de los vecinos con los límites de los ingresos de la ciudad.',
  por: 'A câmara municipal aprovou na terça-feira o novo orçamento, depois de um debate que durou quase toda a noite. Os vereadores discutiram sobre o custo das reparações das estradas, da biblioteca e de uma nova linha de autocarro para o hospital. O presidente disse que o plano equilibra as necessidades dos moradores com os limites das receitas da cidade.',
  nld: 'De gemeenteraad heeft dinsdag de nieuwe begroting goedgekeurd, na een debat dat bijna de hele avond duurde. De raadsleden discussieerden over de kosten van wegreparaties, de bibliotheek en een nieuwe buslijn naar het ziekenhuis. De burgemeester zei dat het plan de behoeften van de inwoners in evenwicht brengt met de grenzen van de inkomsten van de stad.',
  ita: "Il consiglio comunale ha approvato martedì il nuovo bilancio, dopo un dibattito che è durato quasi tutta la sera. I consiglieri hanno discusso del costo delle riparazioni delle strade, della biblioteca e di una nuova linea di autobus verso l'ospedale. Il sindaco ha detto che il piano bilancia i bisogni dei residenti con i limiti delle entrate della città.",
};

describe('language detection', () => {
  it('calls English prose English', () => {
    expect(detectLanguage('The city council approved the new budget on Tuesday, after a debate that lasted most of the evening. Council members argued over the cost of road repairs, the library and a new bus line to the hospital, and the mayor said the plan balances the needs of residents with the limits of the city’s income.')).toBe('eng');
  });

  for (const [code, text] of Object.entries(PAGES)) {
    it(`does not take ${code} prose for English (English's function words decide only when they are a quarter of the words)`, () => {
      expect(detectLanguage(text)).toBe(code);
    });
  }

  it('says undetermined for too few letters', () => {
    expect(detectLanguage('12 34 56 — !!')).toBe('und');
  });
});
