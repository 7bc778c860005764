// Demo suppliers: manufacturers selling direct (matched to items by brand) and resellers serving whole
// top-level categories (matched by the category's root).
export interface SupplierSeed {
  name: string;
  domain: string;
  address: string;
  isPreferred: boolean;
  /** Brands this supplier sells direct. */
  brands?: string[];
  /** Root categories a reseller covers. */
  serves?: string[];
}

export const supplierCatalog: SupplierSeed[] = [
  {
    name: 'Dell Technologies',
    domain: 'dell.com',
    address: '1 Dell Way, Round Rock, TX 78682, USA',
    isPreferred: true,
    brands: ['Dell'],
  },
  {
    name: 'Lenovo',
    domain: 'lenovo.com',
    address: '8001 Development Drive, Morrisville, NC 27560, USA',
    isPreferred: true,
    brands: ['Lenovo'],
  },
  {
    name: 'HP Inc.',
    domain: 'hp.com',
    address: '1501 Page Mill Road, Palo Alto, CA 94304, USA',
    isPreferred: false,
    brands: ['HP'],
  },
  {
    name: 'Hewlett Packard Enterprise',
    domain: 'hpe.com',
    address: '1701 E Mossy Oaks Road, Spring, TX 77389, USA',
    isPreferred: false,
    brands: ['HPE', 'Aruba'],
  },
  {
    name: 'Apple',
    domain: 'apple.com',
    address: 'One Apple Park Way, Cupertino, CA 95014, USA',
    isPreferred: false,
    brands: ['Apple'],
  },
  {
    name: 'Cisco Systems',
    domain: 'cisco.com',
    address: '170 West Tasman Drive, San Jose, CA 95134, USA',
    isPreferred: true,
    brands: ['Cisco'],
  },
  {
    name: 'Microsoft',
    domain: 'microsoft.com',
    address: 'One Microsoft Way, Redmond, WA 98052, USA',
    isPreferred: false,
    brands: ['Microsoft'],
  },
  {
    name: 'Samsung Electronics',
    domain: 'samsung.com',
    address: '129 Samsung-ro, Suwon, Gyeonggi-do, South Korea',
    isPreferred: false,
    brands: ['Samsung'],
  },
  {
    name: 'Logitech',
    domain: 'logitech.com',
    address: '3930 North First Street, San Jose, CA 95134, USA',
    isPreferred: false,
    brands: ['Logitech'],
  },
  {
    name: 'Steelcase',
    domain: 'steelcase.com',
    address: '901 44th Street SE, Grand Rapids, MI 49508, USA',
    isPreferred: true,
    brands: ['Steelcase'],
  },
  {
    name: 'Herman Miller',
    domain: 'hermanmiller.com',
    address: '855 East Main Avenue, Zeeland, MI 49464, USA',
    isPreferred: true,
    brands: ['Herman Miller'],
  },
  {
    name: 'Fortinet',
    domain: 'fortinet.com',
    address: '909 Kifer Road, Sunnyvale, CA 94086, USA',
    isPreferred: false,
    brands: ['Fortinet'],
  },
  {
    name: 'CDW',
    domain: 'cdw.com',
    address: '200 N Milwaukee Avenue, Vernon Hills, IL 60061, USA',
    isPreferred: true,
    serves: ['IT hardware', 'AV equipment'],
  },
  {
    name: 'Insight Enterprises',
    domain: 'insight.com',
    address: '2701 E Insight Way, Chandler, AZ 85286, USA',
    isPreferred: false,
    serves: ['IT hardware'],
  },
  {
    name: 'Bechtle',
    domain: 'bechtle.com',
    address: 'Bechtle Platz 1, 74172 Neckarsulm, Germany',
    isPreferred: false,
    serves: ['IT hardware', 'AV equipment'],
  },
  {
    name: 'Grainger',
    domain: 'grainger.com',
    address: '100 Grainger Parkway, Lake Forest, IL 60045, USA',
    isPreferred: true,
    serves: ['Tools', 'Spare parts', 'Furniture'],
  },
  {
    name: 'RS Components',
    domain: 'rs-online.com',
    address: 'Birchington Road, Corby NN17 9RS, United Kingdom',
    isPreferred: false,
    serves: ['Tools', 'Spare parts', 'Lab equipment'],
  },
  {
    name: 'Würth',
    domain: 'wuerth.com',
    address: 'Reinhold-Würth-Straße 12, 74653 Künzelsau, Germany',
    isPreferred: false,
    serves: ['Tools', 'Spare parts'],
  },
  {
    name: 'Fisher Scientific',
    domain: 'fishersci.com',
    address: '300 Industry Drive, Pittsburgh, PA 15275, USA',
    isPreferred: true,
    serves: ['Lab equipment'],
  },
  {
    name: 'Arval Fleet Services',
    domain: 'arval.com',
    address: '1 Boulevard Haussmann, 75009 Paris, France',
    isPreferred: false,
    serves: ['Vehicles'],
  },
  {
    name: 'Office Depot Business Solutions',
    domain: 'officedepot.com',
    address: '6600 North Military Trail, Boca Raton, FL 33496, USA',
    isPreferred: false,
    serves: ['Furniture'],
  },
];
