import type { Handlers } from '../router'
import type { DeviceService } from './service'

export function createDeviceHandlers(
  devices: DeviceService,
): Handlers<'devices:search' | 'devices:get' | 'devices:refresh'> {
  return {
    'devices:search': (input) => devices.search(input),
    'devices:get': ({ id }) => devices.get(id),
    'devices:refresh': ({ id }) => devices.refresh(id),
  }
}
