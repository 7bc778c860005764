// The demo sites: four cities, each with buildings, floors and rooms, a central store, a car park and service
// vans. Codes nest (LON › LON-A › LON-A-2 › LON-A-2-03) so a room's code says where it is.
import type { Faker } from '@faker-js/faker';
import type { locationTypes } from '../schema.ts';
import type { PlaceKind } from './category-catalog.ts';

export interface LocationSeed {
  code: string;
  name: string;
  type: (typeof locationTypes)[number];
  parentCode: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  capacity: number | null;
  description: string | null;
}

interface SiteSeed {
  city: string;
  code: string;
  address: string;
  latitude: number;
  longitude: number;
  floorsPerBuilding: number[];
  vans: number;
}

const sites: SiteSeed[] = [
  {
    city: 'London',
    code: 'LON',
    address: '1 Canada Square, London E14 5AB, United Kingdom',
    latitude: 51.5049,
    longitude: -0.0195,
    floorsPerBuilding: [4, 3],
    vans: 2,
  },
  {
    city: 'New York',
    code: 'NYC',
    address: '350 Fifth Avenue, New York, NY 10118, USA',
    latitude: 40.7484,
    longitude: -73.9857,
    floorsPerBuilding: [5],
    vans: 1,
  },
  {
    city: 'Berlin',
    code: 'BER',
    address: 'Friedrichstraße 68, 10117 Berlin, Germany',
    latitude: 52.5079,
    longitude: 13.3903,
    floorsPerBuilding: [3, 2],
    vans: 1,
  },
  {
    city: 'Singapore',
    code: 'SIN',
    address: '8 Marina View, Singapore 018960',
    latitude: 1.2799,
    longitude: 103.852,
    floorsPerBuilding: [4],
    vans: 0,
  },
];

/** Location names start with what the place is for; the seed reads the kind back from the name. */
type RoomKind = Exclude<PlaceKind, 'storage' | 'garage' | 'van'>;

const roomNames: Record<RoomKind, string> = {
  office: 'Office',
  meeting: 'Meeting room',
  lab: 'Lab',
  server: 'Server room',
};

export function placeKindOf(type: string, name: string): PlaceKind | undefined {
  if (type === 'storage') return 'storage';
  if (type === 'area') return 'garage';
  if (type === 'vehicle') return 'van';
  if (type !== 'room') return undefined;
  if (name.startsWith(roomNames.server)) return 'server';
  if (name.startsWith(roomNames.meeting)) return 'meeting';
  if (name.startsWith(roomNames.lab)) return 'lab';
  return 'office';
}

const capacityRange: Record<PlaceKind, [number, number]> = {
  office: [35, 70],
  meeting: [15, 30],
  lab: [60, 120],
  server: [120, 180],
  storage: [500, 700],
  garage: [20, 30],
  van: [40, 60],
};

function floorRooms(faker: Faker, floor: number, firstBuilding: boolean): RoomKind[] {
  if (floor === 1)
    return firstBuilding ? ['server', 'meeting', 'meeting', 'office'] : ['meeting', 'office', 'office'];
  return faker.helpers.shuffle<RoomKind>([
    'office',
    'office',
    'office',
    'meeting',
    faker.datatype.boolean() ? 'lab' : 'office',
  ]);
}

const row = (seed: Partial<LocationSeed> & Pick<LocationSeed, 'code' | 'name' | 'type'>): LocationSeed => ({
  parentCode: null,
  address: null,
  latitude: null,
  longitude: null,
  capacity: null,
  description: null,
  ...seed,
});

export function planSites(faker: Faker): LocationSeed[] {
  const rows: LocationSeed[] = [];
  const capacity = (kind: PlaceKind) =>
    faker.number.int({ min: capacityRange[kind][0], max: capacityRange[kind][1] });
  for (const site of sites) {
    const { code, city, latitude, longitude } = site;
    rows.push(
      row({ code, name: `${city} campus`, type: 'site', address: site.address, latitude, longitude }),
    );
    site.floorsPerBuilding.forEach((floors, index) => {
      const letter = String.fromCharCode(65 + index);
      const buildingCode = `${code}-${letter}`;
      rows.push(
        row({
          code: buildingCode,
          name: `${city} building ${letter}`,
          type: 'building',
          parentCode: code,
          address: site.address,
          latitude: Number((latitude + index * 0.0004).toFixed(6)),
          longitude: Number((longitude + index * 0.0006).toFixed(6)),
        }),
      );
      for (let floor = 1; floor <= floors; floor++) {
        const floorCode = `${buildingCode}-${floor}`;
        rows.push(row({ code: floorCode, name: `Floor ${floor}`, type: 'floor', parentCode: buildingCode }));
        floorRooms(faker, floor, index === 0).forEach((kind, roomIndex) => {
          const number = `${floor}${String(roomIndex + 1).padStart(2, '0')}`;
          const name =
            kind === 'server' ? `${roomNames.server} ${letter}` : `${roomNames[kind]} ${letter}${number}`;
          rows.push(
            row({
              code: `${floorCode}-${String(roomIndex + 1).padStart(2, '0')}`,
              name,
              type: 'room',
              parentCode: floorCode,
              capacity: capacity(kind),
            }),
          );
        });
      }
    });
    rows.push(
      row({
        code: `${code}-STORE`,
        name: `${city} central store`,
        type: 'storage',
        parentCode: code,
        capacity: capacity('storage'),
        description: 'Stock, spares and returned kit',
      }),
    );
    rows.push(
      row({
        code: `${code}-PARK`,
        name: `${city} car park`,
        type: 'area',
        parentCode: code,
        capacity: capacity('garage'),
        description: 'Fleet parking',
      }),
    );
    for (let van = 1; van <= site.vans; van++) {
      rows.push(
        row({
          code: `${code}-VAN-${van}`,
          name: `${city} service van ${van}`,
          type: 'vehicle',
          parentCode: code,
          capacity: capacity('van'),
          description: 'Field engineering van',
        }),
      );
    }
  }
  return rows;
}
