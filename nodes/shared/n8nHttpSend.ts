// The adapter lives in lib/http (it maps transport failures to lib's NetworkError); nodes import it from here.
export { n8nHttpSend } from '../../lib/http/n8nHttpSend';
