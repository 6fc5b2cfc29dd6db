import { describe, expect, it } from 'vitest';
import { isPlaceName } from '../../../src/lexicon/places.ts';
import { WordNet } from '../../../src/lexicon/wordnet.ts';
import { answerOffsets, countsTheAskedThing, hasAnswerCue, hasDetailCue, typedAnswers } from '../../../src/qa/extract/answerCues.ts';
import { answerTypeOf } from '../../../src/qa/question/analyzeQuestion.ts';

describe('answerTypeOf', () => {
  it.each([
    ['When did the bridge open?', 'date'],
    ['What year was the treaty signed?', 'date'],
    ['How many people were evacuated?', 'number'],
    ['How much did the stadium cost?', 'number'],
    ['Who signed the accord?', 'person'],
    ['Where did the ministers meet?', 'place'],
    ['Which team won the cup final?', 'name'],
    ['Which company bought the port?', 'name'],
    ['Why did the talks fail?', 'other'],
    // a quantity asked for by name
    ['What is the total value of bilateral trade in 2023?', 'number'],
    ['What was the population of the city?', 'number'],
    ['What is the name of the resort?', 'other'],
    // "when" joining clauses asks for nothing; the first question phrase decides
    ['What happens when the dam overflows?', 'other'],
    ['When rock folds deep underground, what does it form?', 'other'],
    ['How many seconds were left when the Broncos intercepted the pass?', 'number'],
    ['Who was the leader when the Franks entered the valley?', 'person'],
    ['Prior to the final, when were the Broncos last there?', 'date'],
    ['The rocks have been in place since when?', 'date'],
    ['When, exactly, did the ministers meet?', 'date'],
    ["When's the next summit?", 'date'],
    ['And when?', 'date'],
    ['How long ago did oxygen reach the air?', 'date'],
    // a time of day
    ['At what time did the first rescue team enter the mine?', 'date'],
  ] as const)('"%s" asks for a %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });
});

describe('hasAnswerCue', () => {
  it('date: a date the question does not name counts; one it already names does not', () => {
    expect(hasAnswerCue('date', 'The bridge opened on 12 March 2021 after years of delay.', 'When did the bridge open?')).toBe(true);
    expect(hasAnswerCue('date', 'The bridge opened to traffic after years of delay.', 'When did the bridge open?')).toBe(false);
    expect(hasAnswerCue('date', 'The bridge opened in May 2023.', 'When in May 2023 did the bridge open?')).toBe(false);
    expect(hasAnswerCue('date', 'The bridge opened in May 2023 and closed in June.', 'When in May 2023 did the bridge open?')).toBe(true);
  });

  it('number: a figure (digits or words) the question does not say', () => {
    expect(hasAnswerCue('number', 'The flood destroyed 340 homes in the valley.', 'How many homes did the flood destroy?')).toBe(true);
    expect(hasAnswerCue('number', 'The flood destroyed twelve homes in the valley.', 'How many homes did the flood destroy?')).toBe(true);
    expect(hasAnswerCue('number', 'The flood destroyed homes in the valley.', 'How many homes did the flood destroy?')).toBe(false);
    expect(hasAnswerCue('number', 'The flood destroyed 340 homes in the valley.', 'Did the flood destroy 340 homes?')).toBe(false);
  });

  it('number: a number word must count the thing asked about; a figure in digits always counts', () => {
    const asked = 'How many Indian nationals are in the war zone?';
    expect(hasAnswerCue('number', 'The two leaders discussed Indian nationals in the war zone.', asked)).toBe(false);
    expect(hasAnswerCue('number', 'About forty Indian nationals are in the war zone.', asked)).toBe(true);
    expect(hasAnswerCue('number', 'Officials counted 35 of them near the front.', asked)).toBe(true);
    expect(hasAnswerCue('number', 'This year we have already met six times.', 'How many times had they met?')).toBe(true);
  });

  it('countsTheAskedThing: a number right before the very thing "how many" asks about', () => {
    const times = 'How many times had they met that year?';
    expect(countsTheAskedThing('This year we have already met six times.', times)).toBe(true);
    expect(countsTheAskedThing('They met 7 times in all.', times)).toBe(true);
    // A figure, but of something else, or inside a date: a cue for the answer type, not this.
    expect(countsTheAskedThing('They signed 12 agreements in Moscow.', times)).toBe(false);
    expect(countsTheAskedThing('They met on July 3 and again in 2024.', times)).toBe(false);
    expect(countsTheAskedThing('Jaishankar is on a five-day visit to Russia.', 'How many days did the minister spend in Russia?')).toBe(true);
    expect(countsTheAskedThing('The two ministers met six times.', 'When did they meet?')).toBe(false);
  });

  it('date: decades, early years after a preposition, centuries, spans of time ago', () => {
    const when = 'When did the Normans arrive?';
    expect(hasAnswerCue('date', 'The Normans arrived in the 1050s.', when)).toBe(true);
    expect(hasAnswerCue('date', 'The duchy began in 911 as a fiefdom.', when)).toBe(true);
    expect(hasAnswerCue('date', 'It is a 13th-century glass beaker.', when)).toBe(true);
    expect(hasAnswerCue('date', 'Oxygen began to outgas 3 billion years ago.', when)).toBe(true);
    expect(hasAnswerCue('date', 'The Normans arrived with 911 knights and horses.', when)).toBe(false);
  });

  it('number: a date or a name with digits is not a figure; a figure counting the thing asked about is', () => {
    const asked = 'How many Indian nationals are in the war zone?';
    expect(hasAnswerCue('number', 'He met Lavrov on July 3 about Indian nationals in the war zone.', asked)).toBe(false);
    expect(hasAnswerCue('number', 'He is in Vientiane from July 25-28 to discuss Indian nationals.', asked)).toBe(false);
    expect(hasAnswerCue('number', 'They discussed BRICS, the G20 and Indian nationals.', asked)).toBe(false);
    expect(hasAnswerCue('number', 'The dinner was attended by 2000 guests.', 'How many guests attended the dinner?')).toBe(true);
    expect(hasAnswerCue('number', 'At standard pressure, two atoms bind to form dioxygen.', 'How many atoms combine to form dioxygen?')).toBe(true);
    expect(hasAnswerCue('number', 'They also won the cup twice.', 'How many times has Polonia won the cup?')).toBe(true);
  });

  it('number: "how long" and "how much" take any figure, "how long" a date too', () => {
    expect(hasAnswerCue('number', 'He was on a five-day visit to Russia.', 'How long was his visit to Russia?')).toBe(true);
    expect(hasAnswerCue('number', 'The station has served the hospitals since 1951.', 'How long has the station served the hospitals?')).toBe(true);
    expect(hasAnswerCue('number', 'The station opened on Thursday in May.', 'How long has the station served the hospitals?')).toBe(false);
    expect(hasAnswerCue('number', 'He had about one hour and a half for that.', 'How much time did he have for a suntan?')).toBe(true);
    expect(hasAnswerCue('number', 'He had some time for that.', 'How much time did he have for a suntan?')).toBe(false);
  });

  it('number: "how long" takes a number word only with a unit of time or length after it', () => {
    const question = 'How long did the visit to Moscow last?';
    expect(hasAnswerCue('number', 'Several key agreements were signed during the visit.', question)).toBe(false);
    expect(hasAnswerCue('number', 'He had one hour and a half for rest.', question)).toBe(true);
    expect(hasAnswerCue('number', 'Families kept French names well into the nineteenth century.', question)).toBe(true);
    expect(hasAnswerCue('number', 'There was a week-long event at the centre.', question)).toBe(true);
    expect(hasAnswerCue('number', 'A day after the attack, he arrived.', question)).toBe(false);
    expect(hasAnswerCue('number', 'He went to Moscow in 2024 and again on Friday.', question)).toBe(false);
  });

  it('number: "how long" takes a date that bounds a span, the bound a few words before it', () => {
    const question = 'How long has the imagery been used?';
    expect(hasAnswerCue('number', 'This imagery has been in use since at least the mid-14th century.', question)).toBe(true);
    expect(hasAnswerCue('number', 'The imagery will be in use by 2030.', question)).toBe(true);
    expect(hasAnswerCue('number', 'The imagery was first used in 2030.', question)).toBe(false);
  });

  it('person: a capitalised name the question does not say (not the sentence-initial word)', () => {
    expect(hasAnswerCue('person', 'The accord was signed by Maria Okafor on behalf of the council.', 'Who signed the accord?')).toBe(true);
    expect(hasAnswerCue('person', 'Officials signed the accord on behalf of the council.', 'Who signed the accord?')).toBe(false);
    expect(hasAnswerCue('person', 'The accord was signed by Maria Okafor.', 'Who did Maria Okafor sign with?')).toBe(false);
  });

  it('person: a place named by two capitalised words is no person, when WordNet can tell', () => {
    const wordnet = new WordNet();
    const isPlace = (name: string) => isPlaceName(wordnet, name);
    const question = 'Who led the delegation?';
    const city = 'Later, New Delhi said the delegation would not sign.';
    expect(hasAnswerCue('person', city, question)).toBe(true);
    expect(hasAnswerCue('person', city, question, isPlace)).toBe(false);
    // Place by place ("Laos' Vientiane") is a place too; a person beside a place still counts.
    expect(hasAnswerCue('person', 'The talks were held in Laos\' Vientiane on Friday.', question, isPlace)).toBe(false);
    expect(hasAnswerCue('person', 'In New Delhi, the delegation was led by Maria Okafor.', question, isPlace)).toBe(true);
  });

  it('place: "in <Place>" counts, but "in December" is a date, not a place', () => {
    expect(hasAnswerCue('place', 'The ministers met in Geneva to sign it.', 'Where did the ministers meet?')).toBe(true);
    expect(hasAnswerCue('place', 'The ministers met in December to sign it.', 'Where did the ministers meet?')).toBe(false);
    expect(hasAnswerCue('place', 'The ministers met from Monday to Sept. 3 and again in March’s talks.', 'Where did the ministers meet?')).toBe(false);
    expect(hasAnswerCue('place', 'The ministers met in Geneva in December.', 'Where in Geneva did the ministers meet?')).toBe(false);
  });

  it('place: "the town of <Place>" counts, located at the name', () => {
    const sentence = 'The 59-year-old stationmaster in the town of Larissa was charged.';
    expect(answerOffsets('place', sentence, 'In which town was the stationmaster based?')).toEqual([sentence.indexOf('Larissa')]);
    expect(hasAnswerCue('place', 'He was charged in the town of Larissa.', 'Was he charged in Larissa?')).toBe(false);
  });

  // The month/weekday exclusion must not swallow places that merely start like one
  // (Mar-seille, Mon-treal, Sun-derland, Dec-atur).
  it('place: a place whose name starts like a month or weekday still counts', () => {
    for (const place of ['Montreal', 'Marseille', 'Maryland', 'Mongolia', 'Sunderland', 'Decatur']) {
      expect(hasAnswerCue('place', `The ministers met in ${place} to sign it.`, 'Where did the ministers meet?'), place).toBe(true);
    }
  });

  it('other: never a cue', () => {
    expect(hasAnswerCue('other', 'The ministers met in Geneva on 3 May 2021 with 40 delegates.', 'Why did they meet?')).toBe(false);
  });
});

describe('hasDetailCue: the shape of figure asked for', () => {
  it('percent, money and year need a figure of that shape the question does not give', () => {
    expect(hasDetailCue('percent', 'Labour polled 34 per cent of the vote.', 'What share of the vote did Labour get?')).toBe(true);
    expect(hasDetailCue('percent', 'Labour won 202 seats.', 'What share of the vote did Labour get?')).toBe(false);
    expect(hasDetailCue('money', 'Profit rose to US$460 million.', 'How much profit did eBay make?')).toBe(true);
    expect(hasDetailCue('money', 'Profit rose 34 per cent.', 'How much profit did eBay make?')).toBe(false);
    expect(hasDetailCue('year', 'The club was founded in 1884.', 'In what year was the club founded?')).toBe(true);
    expect(hasDetailCue('year', 'The club was founded in 1884.', 'Was the club founded in 1884?')).toBe(false);
  });

  it('count and duration read the counted thing and the unit of time', () => {
    expect(hasDetailCue('count', 'Employers added 254,000 jobs in September.', 'How many jobs were added?')).toBe(true);
    expect(hasDetailCue('count', 'The rate fell to 4.1 percent.', 'How many jobs were added?')).toBe(false);
    expect(hasDetailCue('duration', 'The jury deliberated for seven days.', 'How long did the jury deliberate?')).toBe(true);
  });

  it.each([
    ['speed', 'How fast was the train going?', 'The train was roaring along at 125 miles an hour.', 'It was on its 500-mile journey to Hamburg.'],
    ['speed', 'How fast can the car go?', 'Its top speed is 250 km/h.', 'It costs 250,000 euros.'],
    ['length', 'How wide was the telescope?', 'A telescope with a 10.16 centimetre diameter tracked the star.', 'A telescope costing $10,000 tracked the star.'],
    ['length', 'How far below the surface were the miners?', 'The tunnel is about 260 feet underground.', 'The 13 miners were trapped on Monday.'],
    ['weight', 'How heavy was the satellite?', 'The 2,000-kilogram satellite was launched.', 'The satellite was launched by 2,000 engineers.'],
    ['age', 'How old was Glenn when he flew again?', 'Glenn, 77, flew again.', 'Glenn flew again in 1998.'],
    ['age', 'How old was Musgrave on his last flight?', 'Musgrave, who was 61 when he made his last flight, retired.', 'Musgrave made 6 flights.'],
    ['age', 'How old is Biden?', 'Biden turned 80 on Sunday.', 'Biden won 80 seats on Sunday.'],
    ['age', 'How old are the fossils?', 'The fossils date from the early Cambrian, about 515 million years ago.', 'The fossils were found in 3 quarries.'],
    ['age', 'How old are the graves?', 'Nestorian graves dating to 1338 have inscriptions.', 'Nestorian graves with 12 inscriptions were found.'],
    ['score', 'What was the final score of the game?', 'The Lakers won 113-107 on Wednesday.', 'The Lakers won on July 23-24.'],
    ['score', 'By what margin did Indurain win?', 'He kept his lead of 4 minutes, 35 seconds over Zulle.', 'He won his fifth Tour in 1995.'],
  ] as const)('%s: %s needs a figure with its unit', (detail, question, answer, notAnswer) => {
    expect(hasDetailCue(detail, answer, question)).toBe(true);
    expect(hasDetailCue(detail, notAnswer, question)).toBe(false);
  });

  it('reads a measure that `withoutDates` would take for a year ("around 300", "1800")', () => {
    expect(hasDetailCue('length', 'The wreck lies around 300 feet down.', 'How deep is the wreck?')).toBe(true);
    expect(hasDetailCue('length', 'The tower is 1800 feet tall.', 'How tall is the tower?')).toBe(true);
    expect(hasDetailCue('score', 'He won by 150 votes.', 'By what margin did he win?')).toBe(true);
    expect(hasDetailCue('score', 'The bill passed by 218-214.', 'What was the margin?')).toBe(true);
  });

  it.each([
    ['age', 'Inflation was 3.5 percent.', 'How old was the index?'],
    ['age', 'The death toll was 1,200.', 'How old was the bridge?'],
    ['score', 'Prices rose 10-15 percent.', 'What was the final score?'],
    ['score', 'Rates are 3.5-4.0 percent.', 'What was the final score?'],
    ['score', 'On 12-05-2023 they met.', 'What was the final score?'],
  ] as const)('%s: "%s" holds no such measure', (detail, sentence, question) => {
    expect(hasDetailCue(detail, sentence, question)).toBe(false);
  });

  it('a measure the question already gives is no answer', () => {
    expect(hasDetailCue('score', 'France beat Brazil 3-0 in the final.', 'What was the score when France beat Brazil 3-0?')).toBe(false);
    expect(hasDetailCue('length', 'The tunnel is 260 feet deep.', 'Why was the tunnel 260 feet deep?')).toBe(false);
  });
});

describe('hasAnswerCue: a time of day answers "at what time"', () => {
  it.each([
    ['But at 5:51 p.m., the first rescuers entered on foot.', '5:51'],
    ['It lifted off at 10 a.m. local time.', '10 a.m'],
    ['The train left at 11:30 from the main station.', '11:30'],
    ['The polls closed at noon.', 'noon'],
  ])('%s', (sentence, time) => {
    expect(answerOffsets('date', sentence, 'At what time did it happen?')).toEqual([sentence.indexOf(time)]);
  });

  it('a figure that is no time of day is no date', () => {
    expect(hasAnswerCue('date', 'Rescuers brought 3 miners out.', 'At what time did it happen?')).toBe(false);
  });
});

describe('answerOffsets: where the candidate answers sit', () => {
  it('locates the date, the figure, the name or the place the question does not already say', () => {
    const sentence = 'The ministers met in Vientiane on 26 July, with 300 delegates.';
    expect(answerOffsets('place', sentence, 'Where did the ministers meet?')).toEqual([sentence.indexOf('Vientiane')]);
    expect(answerOffsets('date', sentence, 'When did the ministers meet?')).toContain(sentence.indexOf('26 July'));
    expect(answerOffsets('number', sentence, 'How many delegates came?')).toEqual([sentence.indexOf('300')]);
    expect(answerOffsets('place', sentence, 'Did they meet in Vientiane?')).toEqual([]);
    expect(answerOffsets('other', sentence, 'Why did they meet?')).toEqual([]);
  });

  it("takes a name the question writes without its accents for the question's own", () => {
    const sentence = 'The talks moved from Zürich to Malmö on Friday.';
    expect(answerOffsets('place', sentence, 'Where did the talks in Zurich move?')).toEqual([sentence.indexOf('Malmö')]);
    expect(answerOffsets('place', sentence, 'Where did the talks move?')).toEqual([sentence.indexOf('Zürich'), sentence.indexOf('Malmö')]);
  });
});

describe('typedAnswers: the cue and the offsets in one pass', () => {
  const sentence = 'The two leaders met in Vientiane on 26 July.';
  const at = (text: string) => sentence.indexOf(text);
  it.each([
    ['place', 'Where did the leaders meet?', true, [at('Vientiane')]],
    ['date', 'When did the leaders meet?', true, [at('26 July')]],
    // no two capitalised words in a row: no person
    ['person', 'Who met in Vientiane?', false, []],
    // a capitalised word not opening the sentence
    ['name', 'Which city hosted them?', true, [at('Vientiane'), at('July')]],
    ['other', 'Why did they meet?', false, []],
    // "two" is found, but it counts leaders, not times; the day of the date is no figure
    ['number', 'How many times had they met?', false, [at('two')]],
    ['number', 'How many leaders met?', true, [at('two')]],
    ['number', 'How many ministers were there?', false, [at('two')]],
  ] as const)('%s: %s', (type, question, cue, offsets) => {
    expect(typedAnswers(type, sentence, question)).toEqual({ cue, offsets });
    expect(hasAnswerCue(type, sentence, question)).toBe(cue);
  });
});
