// A Faker of its own per seeding run, so the data depend only on the seed, never on other users of faker.
import { Faker, base, en } from '@faker-js/faker';

export function createSeedFaker(seed: number): Faker {
  return new Faker({ locale: [en, base], seed });
}

/** "First Last", without the titles and suffixes ("Dr.", "MD") that fullName sometimes adds. */
export function personName(faker: Faker): string {
  return `${faker.person.firstName()} ${faker.person.lastName()}`;
}
