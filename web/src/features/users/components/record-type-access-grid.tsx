import { Checkbox, Table, Text } from '@mantine/core';
import type { RecordType } from '../../../lib/queries/record-types';
import type { SalesPermissions } from '../api/get-user';
import { RECORD_TYPE_BITS, type RecordTypeBit } from './user-form-values';

type Access = SalesPermissions['recordTypeAccess'];

/**
 * Record Type Access: one row per record type, a checkbox per action. Each checkbox is named by
 * action and type ("Edit Lead"), and a row's first cell turns all four on or off.
 */
export function RecordTypeAccessGrid({
  recordTypes,
  value,
  onChange,
}: {
  recordTypes: RecordType[];
  value: Access;
  onChange: (next: Access) => void;
}) {
  const set = (id: string, bits: Partial<Record<RecordTypeBit, boolean>>) =>
    onChange({ ...value, [id]: { ...value[id], ...bits } });

  if (recordTypes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The account has no record types yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder verticalSpacing={6} data-testid="record-type-access">
        <Table.Caption className="visually-hidden">
          What the user may do with Sales Records of each record type
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Record type</Table.Th>
            {RECORD_TYPE_BITS.map(({ bit, label }) => (
              <Table.Th key={bit} scope="col" ta="center" w={72}>
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recordTypes.map((rt) => {
            const bits = value[rt.id] ?? {};
            const on = RECORD_TYPE_BITS.filter(({ bit }) => bits[bit]).length;
            return (
              <Table.Tr key={rt.id}>
                <Table.Th scope="row" fw={500}>
                  <Checkbox
                    label={rt.name}
                    aria-label={`All actions on ${rt.name}`}
                    checked={on === RECORD_TYPE_BITS.length}
                    indeterminate={on > 0 && on < RECORD_TYPE_BITS.length}
                    onChange={(e) =>
                      set(
                        rt.id,
                        Object.fromEntries(RECORD_TYPE_BITS.map(({ bit }) => [bit, e.currentTarget.checked])),
                      )
                    }
                  />
                </Table.Th>
                {RECORD_TYPE_BITS.map(({ bit, label }) => (
                  <Table.Td key={bit} ta="center">
                    <Checkbox
                      aria-label={`${label} ${rt.name}`}
                      checked={bits[bit] ?? false}
                      onChange={(e) => set(rt.id, { [bit]: e.currentTarget.checked })}
                      styles={{ body: { justifyContent: 'center' } }}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
