// A printable label: QR code (drawn here, in the browser: no remote image) encoding the SKU, with name and SKU.
// Scanning it on the Scan screen opens the item.
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Failed, Loading } from '../../components/States.tsx';
import { useItem } from './ItemDetail.tsx';
import classes from './ItemLabel.module.css';

export default function ItemLabel() {
  const id = Number(useParams().id);
  const item = useItem(id);
  const [qr, setQr] = useState<string | null>(null);
  const sku = item.data?.sku;

  useEffect(() => {
    if (sku) void QRCode.toDataURL(sku, { margin: 1, width: 320, errorCorrectionLevel: 'M' }).then(setQr);
  }, [sku]);

  if (item.isPending) return <Loading />;
  if (item.isError) return <Failed error={item.error} />;

  return (
    <Stack>
      <Group justify="space-between" className={classes.noPrint}>
        <Anchor component={Link} to={`/items/${id}`} size="sm">
          ← {item.data.name}
        </Anchor>
        <Button onClick={() => window.print()}>Print</Button>
      </Group>
      <div className={classes.label} aria-label="Label">
        {qr ? <img src={qr} alt={`QR code for ${item.data.sku}`} className={classes.qr} /> : <Loading />}
        <div>
          <Text fw={700} size="lg">
            {item.data.name}
          </Text>
          <Text ff="monospace" size="xl">
            {item.data.sku}
          </Text>
          {item.data.serial_number && <Text size="sm">S/N {item.data.serial_number}</Text>}
        </div>
      </div>
    </Stack>
  );
}
